/// USPS Publication 28 abbreviations used to normalise street lines for address matching.
///
/// The primary street suffix names of Appendix C1 with their standard abbreviations, the common
/// misspellings and variants C1 lists for the frequent suffixes, the directionals, and the
/// secondary unit designators of Appendix C2.
enum USPSAbbreviations {
    /// Appendix C1: primary street suffix name → standard abbreviation.
    static let streetSuffixes: [String: String] = [
        "ALLEY": "ALY", "ANEX": "ANX", "ARCADE": "ARC", "AVENUE": "AVE", "BAYOU": "BYU", "BEACH": "BCH",
        "BEND": "BND", "BLUFF": "BLF", "BLUFFS": "BLFS", "BOTTOM": "BTM", "BOULEVARD": "BLVD", "BRANCH": "BR",
        "BRIDGE": "BRG", "BROOK": "BRK", "BROOKS": "BRKS", "BURG": "BG", "BURGS": "BGS", "BYPASS": "BYP",
        "CAMP": "CP", "CANYON": "CYN", "CAPE": "CPE", "CAUSEWAY": "CSWY", "CENTER": "CTR", "CENTERS": "CTRS",
        "CIRCLE": "CIR", "CIRCLES": "CIRS", "CLIFF": "CLF", "CLIFFS": "CLFS", "CLUB": "CLB", "COMMON": "CMN",
        "COMMONS": "CMNS", "CORNER": "COR", "CORNERS": "CORS", "COURSE": "CRSE", "COURT": "CT",
        "COURTS": "CTS", "COVE": "CV", "COVES": "CVS", "CREEK": "CRK", "CRESCENT": "CRES", "CREST": "CRST",
        "CROSSING": "XING", "CROSSROAD": "XRD", "CROSSROADS": "XRDS", "CURVE": "CURV", "DALE": "DL",
        "DAM": "DM", "DIVIDE": "DV", "DRIVE": "DR", "DRIVES": "DRS", "ESTATE": "EST", "ESTATES": "ESTS",
        "EXPRESSWAY": "EXPY", "EXTENSION": "EXT", "EXTENSIONS": "EXTS", "FALL": "FALL", "FALLS": "FLS",
        "FERRY": "FRY", "FIELD": "FLD", "FIELDS": "FLDS", "FLAT": "FLT", "FLATS": "FLTS", "FORD": "FRD",
        "FORDS": "FRDS", "FOREST": "FRST", "FORGE": "FRG", "FORGES": "FRGS", "FORK": "FRK", "FORKS": "FRKS",
        "FORT": "FT", "FREEWAY": "FWY", "GARDEN": "GDN", "GARDENS": "GDNS", "GATEWAY": "GTWY", "GLEN": "GLN",
        "GLENS": "GLNS", "GREEN": "GRN", "GREENS": "GRNS", "GROVE": "GRV", "GROVES": "GRVS", "HARBOR": "HBR",
        "HARBORS": "HBRS", "HAVEN": "HVN", "HEIGHTS": "HTS", "HIGHWAY": "HWY", "HILL": "HL", "HILLS": "HLS",
        "HOLLOW": "HOLW", "INLET": "INLT", "ISLAND": "IS", "ISLANDS": "ISS", "ISLE": "ISLE",
        "JUNCTION": "JCT", "JUNCTIONS": "JCTS", "KEY": "KY", "KEYS": "KYS", "KNOLL": "KNL", "KNOLLS": "KNLS",
        "LAKE": "LK", "LAKES": "LKS", "LAND": "LAND", "LANDING": "LNDG", "LANE": "LN", "LIGHT": "LGT",
        "LIGHTS": "LGTS", "LOAF": "LF", "LOCK": "LCK", "LOCKS": "LCKS", "LODGE": "LDG", "LOOP": "LOOP",
        "MALL": "MALL", "MANOR": "MNR", "MANORS": "MNRS", "MEADOW": "MDW", "MEADOWS": "MDWS", "MEWS": "MEWS",
        "MILL": "ML", "MILLS": "MLS", "MISSION": "MSN", "MOTORWAY": "MTWY", "MOUNT": "MT", "MOUNTAIN": "MTN",
        "MOUNTAINS": "MTNS", "NECK": "NCK", "ORCHARD": "ORCH", "OVAL": "OVAL", "OVERPASS": "OPAS",
        "PARK": "PARK", "PARKS": "PARK", "PARKWAY": "PKWY", "PARKWAYS": "PKWY", "PASS": "PASS",
        "PASSAGE": "PSGE", "PATH": "PATH", "PIKE": "PIKE", "PINE": "PNE", "PINES": "PNES", "PLACE": "PL",
        "PLAIN": "PLN", "PLAINS": "PLNS", "PLAZA": "PLZ", "POINT": "PT", "POINTS": "PTS", "PORT": "PRT",
        "PORTS": "PRTS", "PRAIRIE": "PR", "RADIAL": "RADL", "RAMP": "RAMP", "RANCH": "RNCH", "RAPID": "RPD",
        "RAPIDS": "RPDS", "REST": "RST", "RIDGE": "RDG", "RIDGES": "RDGS", "RIVER": "RIV", "ROAD": "RD",
        "ROADS": "RDS", "ROUTE": "RTE", "ROW": "ROW", "RUE": "RUE", "RUN": "RUN", "SHOAL": "SHL",
        "SHOALS": "SHLS", "SHORE": "SHR", "SHORES": "SHRS", "SKYWAY": "SKWY", "SPRING": "SPG",
        "SPRINGS": "SPGS", "SPUR": "SPUR", "SPURS": "SPUR", "SQUARE": "SQ", "SQUARES": "SQS",
        "STATION": "STA", "STRAVENUE": "STRA", "STREAM": "STRM", "STREET": "ST", "STREETS": "STS",
        "SUMMIT": "SMT", "TERRACE": "TER", "THROUGHWAY": "TRWY", "TRACE": "TRCE", "TRACK": "TRAK",
        "TRAFFICWAY": "TRFY", "TRAIL": "TRL", "TRAILER": "TRLR", "TUNNEL": "TUNL", "TURNPIKE": "TPKE",
        "UNDERPASS": "UPAS", "UNION": "UN", "UNIONS": "UNS", "VALLEY": "VLY", "VALLEYS": "VLYS",
        "VIADUCT": "VIA", "VIEW": "VW", "VIEWS": "VWS", "VILLAGE": "VLG", "VILLAGES": "VLGS", "VILLE": "VL",
        "VISTA": "VIS", "WALK": "WALK", "WALKS": "WALK", "WALL": "WALL", "WAY": "WAY", "WAYS": "WAYS",
        "WELL": "WL", "WELLS": "WLS",
    ]

    /// Appendix C1: common variant spellings → standard abbreviation.
    static let suffixVariants: [String: String] = [
        "AV": "AVE", "AVEN": "AVE", "AVENU": "AVE", "AVN": "AVE", "AVNUE": "AVE", "BOUL": "BLVD",
        "BOULV": "BLVD", "BYPA": "BYP", "BYPAS": "BYP", "BYPS": "BYP", "CEN": "CTR", "CENT": "CTR",
        "CENTR": "CTR", "CENTRE": "CTR", "CNTER": "CTR", "CNTR": "CTR", "CIRC": "CIR", "CIRCL": "CIR",
        "CRCL": "CIR", "CRCLE": "CIR", "CRSENT": "CRES", "CRSNT": "CRES", "CROSSING": "XING",
        "CRSSNG": "XING", "DRIV": "DR", "DRV": "DR", "EXP": "EXPY", "EXPR": "EXPY", "EXPRESS": "EXPY",
        "EXPW": "EXPY", "EXTN": "EXT", "EXTNSN": "EXT", "FREEWY": "FWY", "FRWAY": "FWY", "FRWY": "FWY",
        "GARDN": "GDN", "GRDEN": "GDN", "GRDN": "GDN", "GATEWY": "GTWY", "GATWAY": "GTWY", "GTWAY": "GTWY",
        "HT": "HTS", "HIGHWY": "HWY", "HIWAY": "HWY", "HIWY": "HWY", "HWAY": "HWY", "JCTION": "JCT",
        "JCTN": "JCT", "JUNCTN": "JCT", "JUNCTON": "JCT", "LNDNG": "LNDG", "MNT": "MT", "MNTAIN": "MTN",
        "MNTN": "MTN", "MOUNTIN": "MTN", "MTIN": "MTN", "PARKWY": "PKWY", "PKWAY": "PKWY", "PKY": "PKWY",
        "PKWYS": "PKWY", "PLZA": "PLZ", "PRR": "PR", "RANCHES": "RNCH", "RNCHS": "RNCH", "SQR": "SQ",
        "SQRE": "SQ", "SQU": "SQ", "SQRS": "SQS", "STN": "STA", "STATN": "STA", "STRT": "ST", "STR": "ST",
        "STREME": "STRM", "TERR": "TER", "TRAILS": "TRL", "TRLS": "TRL", "TRNPK": "TPKE", "TURNPK": "TPKE",
        "VLLY": "VLY", "VALLY": "VLY", "VILL": "VLG", "VILLAG": "VLG", "VILLG": "VLG", "VILLIAGE": "VLG",
        "VIST": "VIS", "VST": "VIS", "VSTA": "VIS", "WY": "WAY",
    ]

    /// Directionals → one- or two-letter abbreviation.
    static let directionals: [String: String] = [
        "NORTH": "N", "SOUTH": "S", "EAST": "E", "WEST": "W", "NORTHEAST": "NE", "NORTHWEST": "NW",
        "SOUTHEAST": "SE", "SOUTHWEST": "SW",
    ]

    /// Appendix C2: secondary unit designator → abbreviation.
    static let unitDesignators: [String: String] = [
        "APARTMENT": "APT", "BASEMENT": "BSMT", "BUILDING": "BLDG", "DEPARTMENT": "DEPT", "FLOOR": "FL",
        "FRONT": "FRNT", "HANGAR": "HNGR", "LOBBY": "LBBY", "LOT": "LOT", "LOWER": "LOWR", "OFFICE": "OFC",
        "PENTHOUSE": "PH", "PIER": "PIER", "REAR": "REAR", "ROOM": "RM", "SIDE": "SIDE", "SLIP": "SLIP",
        "SPACE": "SPC", "STOP": "STOP", "SUITE": "STE", "TRAILER": "TRLR", "UNIT": "UNIT", "UPPER": "UPPR",
    ]

    /// The standard abbreviation of one upper-case word, or the word itself when it has none.
    /// The lists agree wherever they overlap (TRAILER → TRLR as suffix and as unit).
    static func abbreviate(_ word: String) -> String {
        directionals[word] ?? unitDesignators[word] ?? streetSuffixes[word] ?? suffixVariants[word] ?? word
    }
}
