/// The whole-request checks of a TDS transcript request (SPEC 6, TDS-001…004, and the item limit
/// `max_items_per_request`). When any of them fails, no item of the request is answered.
public enum TDSRequestRules {
    /// What the checks need to know about the requester, read from the e-File application, the
    /// user row and the CAF.
    public struct Facts: Sendable {
        /// The requester's memberships of e-File applications (any EFIN, any role).
        public var memberships: [EFileUserRecord]
        /// The CAF number linked to the requester's profile (`users.caf`), when there is one.
        public var linkedCAF: CAFNumber?
        /// The CAF record of the linked number, when on file.
        public var representative: RepresentativeRecord?
        /// How many items (request × period) the request holds.
        public var itemCount: Int
        /// `max_items_per_request`.
        public var maxItems: Int

        public init(memberships: [EFileUserRecord], linkedCAF: CAFNumber?, representative: RepresentativeRecord?,
                    itemCount: Int, maxItems: Int) {
            self.memberships = memberships
            self.linkedCAF = linkedCAF
            self.representative = representative
            self.itemCount = itemCount
            self.maxItems = maxItems
        }
    }

    /// Every whole-request problem (empty when the items may be answered one by one).
    ///
    /// Checks that need a record another check found missing are skipped: TDS-002 needs both a
    /// membership holding TDS and the CAF record; TDS-004 needs a linked number.
    public static func check(_ facts: Facts) -> [Problem] {
        var problems: [Problem] = []
        if facts.itemCount > facts.maxItems {
            problems.append(Problem(.sub005, "The request holds \(facts.itemCount) items (request × period); at most \(facts.maxItems) are accepted in one file. Split it into several files.", path: "$"))
        }
        let withTDS = facts.memberships.filter(\.holdsTDS)
        if withTDS.isEmpty {
            let message = facts.memberships.isEmpty
                ? "You are not on any e-File application; TDS is used through an approved e-File application."
                : "Your e-File application membership does not include TDS; a principal or responsible official must grant it to you."
            problems.append(Problem(.tds001, message))
        }
        let standing = LinkedCAFStanding(linkedCAF: facts.linkedCAF, representative: facts.representative)
        if let problem = standing.problem(unlinked: .tds003, notInGoodStanding: .tds004) { problems.append(problem) }
        guard let representative = standing.representative, let caf = facts.linkedCAF else { return problems }
        let names = withTDS.map { (efin: $0.efin, differences: $0.name.differences(from: representative.name)) }
        if !names.isEmpty, names.allSatisfy({ !$0.differences.isEmpty }) {
            let each = names.map { "EFIN \($0.efin): \(NameDifference.explanation(of: $0.differences))" }.joined(separator: "; ")
            problems.append(Problem(.tds002, "Your name on the e-File application does not match the name on CAF record \(caf) (\(each)); have one of them corrected."))
        }
        return problems
    }
}
