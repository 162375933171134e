/// Addresses across the states (and DC, Puerto Rico, and a few abroad) for synthetic records.
enum SyntheticAddresses {
    /// City, state, and the first three digits of its ZIP codes.
    static let places: [(city: String, state: String, zip3: String)] = [
        ("Salem", "OR", "973"), ("Portland", "OR", "972"), ("Seattle", "WA", "981"), ("Spokane", "WA", "992"),
        ("Boise", "ID", "837"), ("Sacramento", "CA", "958"), ("Los Angeles", "CA", "900"), ("San Diego", "CA", "921"),
        ("Fresno", "CA", "937"), ("Reno", "NV", "895"), ("Phoenix", "AZ", "850"), ("Tucson", "AZ", "857"),
        ("Salt Lake City", "UT", "841"), ("Denver", "CO", "802"), ("Albuquerque", "NM", "871"),
        ("Cheyenne", "WY", "820"), ("Billings", "MT", "591"), ("Fargo", "ND", "581"), ("Sioux Falls", "SD", "571"),
        ("Omaha", "NE", "681"), ("Wichita", "KS", "672"), ("Tulsa", "OK", "741"), ("Austin", "TX", "787"),
        ("Houston", "TX", "770"), ("Dallas", "TX", "752"), ("El Paso", "TX", "799"), ("Minneapolis", "MN", "554"),
        ("Des Moines", "IA", "503"), ("Kansas City", "MO", "641"), ("St. Louis", "MO", "631"),
        ("Little Rock", "AR", "722"), ("New Orleans", "LA", "701"), ("Milwaukee", "WI", "532"),
        ("Chicago", "IL", "606"), ("Indianapolis", "IN", "462"), ("Detroit", "MI", "482"), ("Columbus", "OH", "432"),
        ("Louisville", "KY", "402"), ("Nashville", "TN", "372"), ("Jackson", "MS", "392"),
        ("Birmingham", "AL", "352"), ("Atlanta", "GA", "303"), ("Miami", "FL", "331"), ("Orlando", "FL", "328"),
        ("Charleston", "SC", "294"), ("Charlotte", "NC", "282"), ("Richmond", "VA", "232"),
        ("Charleston", "WV", "253"), ("Baltimore", "MD", "212"), ("Wilmington", "DE", "198"),
        ("Philadelphia", "PA", "191"), ("Pittsburgh", "PA", "152"), ("Newark", "NJ", "071"),
        ("New York", "NY", "100"), ("Buffalo", "NY", "142"), ("Hartford", "CT", "061"), ("Providence", "RI", "029"),
        ("Boston", "MA", "021"), ("Burlington", "VT", "054"), ("Manchester", "NH", "031"), ("Portland", "ME", "041"),
        ("Anchorage", "AK", "995"), ("Honolulu", "HI", "968"), ("Washington", "DC", "200"),
        ("San Juan", "PR", "009"),
    ]

    static let streetNames = [
        "Alder", "Elm", "Oak", "Maple", "Cedar", "Pine", "Main", "Church", "High", "Park", "Lake", "Hill",
        "Washington", "Lincoln", "Jefferson", "Madison", "Franklin", "Sunset", "River", "Spring", "Mill",
        "Willow", "Chestnut", "Walnut", "Highland", "Forest", "Meadow", "Ridge", "Valley", "Harbor",
        "1st", "2nd", "3rd", "4th", "5th", "10th", "42nd",
    ]
    /// Both spelled-out and abbreviated suffixes, as people write them.
    static let streetSuffixes = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Ln", "Lane", "Dr",
                                 "Drive", "Ct", "Way", "Pl", "Ter"]

    /// A US address, or with probability `abroad` one in Canada.
    static func address(_ rng: inout SplitMix64, abroad: Double = 0.003) -> RecordAddress {
        var street = "\(rng.int(1...9999)) \(rng.pick(streetNames)) \(rng.pick(streetSuffixes))"
        if rng.chance(0.12) { street += " \(rng.pick(["Apt", "Unit", "Ste", "#"])) \(rng.int(1...450))" }
        if rng.chance(abroad) {
            return RecordAddress(street: street, city: "Toronto", state: "ON",
                                 zip: "M5V \(rng.int(1...9))T\(rng.int(1...9))", country: "CA")
        }
        let place = rng.pick(places)
        var zip = place.zip3 + pad(rng.int(1...99), 2)
        if rng.chance(0.2) { zip += "-" + pad(rng.int(1...9999), 4) }
        return RecordAddress(street: street, city: place.city, state: place.state, zip: zip)
    }
}
