/// The whole-order rules of a `pps-order` (SPEC 12.8; DOMAIN.md "Practitioner Priority Service"):
/// at most 5 taxpayers in one order (PPS-001) and 30 transcripts (request × period) for one
/// taxpayer (PPS-002), for a practitioner with a linked CAF number in good standing (PPS-003).
/// When they pass, each item is decided by `TDSItemRules` against the practitioner's CAF number;
/// the e-File and TDS authority checks of a `transcript-request` do not apply.
public enum PPSOrderRules {
    /// Most taxpayers in one order.
    public static let maxTaxpayers = 5
    /// Most transcripts for one taxpayer in one order.
    public static let maxTranscriptsPerTaxpayer = 30

    /// The practitioner named by the order, as the rules need to know them.
    public struct Practitioner: Sendable, Hashable {
        /// Practitioner, taxpayer or staff.
        public var kind: UserKind
        /// False for a disabled user.
        public var active: Bool
        /// Where their linked CAF number stands.
        public var standing: LinkedCAFStanding

        public init(kind: UserKind, active: Bool, standing: LinkedCAFStanding) {
            self.kind = kind
            self.active = active
            self.standing = standing
        }
    }

    /// Every whole-order problem (empty when the items may be decided); `practitioner` is the user
    /// named by the order, nil when unknown.
    public static func check(_ order: PPSOrder, practitioner: Practitioner?) -> [Problem] {
        var problems: [Problem] = []
        let counts = transcriptsPerTaxpayer(order)
        if counts.count > maxTaxpayers {
            problems.append(Problem(.pps001, "The order names \(counts.count) taxpayers; at most \(maxTaxpayers) are served in one order.",
                                    path: "$.requests"))
        }
        for (index, count) in counts.enumerated() where count.transcripts > maxTranscriptsPerTaxpayer {
            problems.append(Problem(.pps002, "Taxpayer \(index + 1) of the order has \(count.transcripts) transcripts; at most \(maxTranscriptsPerTaxpayer) are sent for one taxpayer.",
                                    path: "$.requests[\(count.firstLine)]"))
        }
        if let problem = practitionerProblem(practitioner) { problems.append(problem) }
        return problems
    }

    /// PPS-003, or nil when the practitioner may receive transcripts.
    private static func practitionerProblem(_ practitioner: Practitioner?) -> Problem? {
        guard let practitioner, practitioner.active, practitioner.kind == .practitioner else {
            return Problem(.pps003, "The practitioner is not an active practitioner user.", path: "$.practitioner")
        }
        switch practitioner.standing {
        case .unlinked:
            return Problem(.pps003, "The practitioner has no linked CAF number.", path: "$.practitioner")
        case .notOnFile, .notInGoodStanding:
            return Problem(.pps003, "The practitioner's linked CAF number is not on the CAF in good standing.", path: "$.practitioner")
        case .inGoodStanding:
            return nil
        }
    }

    /// Per taxpayer, in order of first appearance: how many items ask for them and the first
    /// request line naming them. Taxpayers are told apart by canonical TIN (as written when it
    /// does not parse).
    private static func transcriptsPerTaxpayer(_ order: PPSOrder) -> [(firstLine: Int, transcripts: Int)] {
        var index: [String: Int] = [:]
        var counts: [(firstLine: Int, transcripts: Int)] = []
        for item in order.transcripts.items {
            let key = TDSItemRules.tin(of: item)?.description ?? item.tin
            if let position = index[key] {
                counts[position].transcripts += 1
            } else {
                index[key] = counts.count
                counts.append((item.line, 1))
            }
        }
        return counts
    }
}
