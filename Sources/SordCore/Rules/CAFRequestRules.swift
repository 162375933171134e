/// The rules of a `caf-request` (SPEC 12.1): the practitioner's TIN must be on the Master File
/// under their own name (CAF-003, by the name matching of SPEC 6) and their profile must have no
/// linked CAF number yet (CAF-005); the address's state and ZIP must be valid (ID-005). When they
/// pass, a new CAF number is assigned (`CAFNumber.generate`) to `representative(caf:)`.
public enum CAFRequestRules {
    /// What the rules need: the requesting user and what the Master File holds under their TIN.
    public struct Facts: Sendable {
        /// The user's name as registered.
        public var userName: RecordName
        /// The user's TIN.
        public var userTIN: TIN
        /// The user's PTIN, if any: it goes onto the new CAF record.
        public var userPTIN: PTIN?
        /// The user's linked CAF number, if any (CAF-005).
        public var linkedCAF: CAFNumber?
        /// The Master File name under the user's TIN, when on file.
        public var masterFileName: RecordName?

        public init(userName: RecordName, userTIN: TIN, userPTIN: PTIN?, linkedCAF: CAFNumber?, masterFileName: RecordName?) {
            self.userName = userName
            self.userTIN = userTIN
            self.userPTIN = userPTIN
            self.linkedCAF = linkedCAF
            self.masterFileName = masterFileName
        }
    }

    /// Every problem with the request (empty when a CAF number may be assigned).
    public static func check(_ request: CAFRequest, facts: Facts) -> [Problem] {
        var problems: [Problem] = []
        SubmittedFields.checkStateAndZIP(request.address, path: "$.address", &problems)
        if !(facts.masterFileName.map { $0.matches(facts.userName) } ?? false) {
            problems.append(Problem(.caf003, "Your TIN is not on the Master File under your name; the name on your last return must match your registered name."))
        }
        if let caf = facts.linkedCAF {
            problems.append(Problem(.caf005, "Your profile already has CAF number \(caf) linked."))
        }
        return problems
    }

    /// The new representative record under `caf`: the user's name, TIN and PTIN, the request's
    /// address, in good standing.
    public static func representative(caf: CAFNumber, request: CAFRequest, facts: Facts) -> RepresentativeRecord {
        RepresentativeRecord(caf: caf.description, name: facts.userName, tin: facts.userTIN.description,
                             ptin: facts.userPTIN?.description, address: AuthorizationMatching.recordAddress(request.address))
    }
}
