/// The rules for linking a CAF number to a practitioner's profile (SPEC 5.4, CAF-001…004; the IRS
/// name game: the Master File name must match the CAF name).
public enum CAFLinkRules {
    /// What the rule needs to know, read from the reference data and the users.
    public struct Facts: Sendable {
        /// The CAF record of the number, when on file.
        public var representative: RepresentativeRecord?
        /// The user's TIN.
        public var userTIN: TIN
        /// The Master File name under the user's TIN, when on file.
        public var masterFileName: RecordName?
        /// The user the number is already linked to, if any.
        public var linkedUser: String?

        public init(representative: RepresentativeRecord?, userTIN: TIN, masterFileName: RecordName?, linkedUser: String?) {
            self.representative = representative
            self.userTIN = userTIN
            self.masterFileName = masterFileName
            self.linkedUser = linkedUser
        }
    }

    /// Parses the submitted CAF number (ID-002 when malformed or "None").
    public static func parse(_ text: String, path: String = "$.caf") -> Result<CAFNumber, Problem> {
        do {
            return .success(try CAFNumber(parsing: text))
        } catch {
            return .failure(Problem(.id002, "The CAF number is not valid: \(error).", path: path))
        }
    }

    /// Every problem with linking the number for `user` (empty when it may be linked).
    public static func check(caf: CAFNumber, user: String, facts: Facts, path: String = "$.caf") -> [Problem] {
        guard let representative = facts.representative else {
            return [Problem(.caf001, "CAF number \(caf) is not on file.", path: path)]
        }
        var problems: [Problem] = []
        if representative.tin.flatMap({ try? TIN(parsing: $0) }) != facts.userTIN {
            problems.append(Problem(.caf002, "The CAF record of \(caf) was issued to another TIN.", path: path))
        } else if let masterFileName = facts.masterFileName {
            let differences = masterFileName.differences(from: representative.name)
            if !differences.isEmpty {
                problems.append(Problem(.caf003, "Your Master File name does not match the name on CAF record \(caf): \(NameDifference.explanation(of: differences)).",
                                        path: path))
            }
        } else {
            problems.append(Problem(.caf003, "There is no Master File name under your TIN to compare with the CAF name.", path: path))
        }
        if let linked = facts.linkedUser, linked != user {
            problems.append(Problem(.caf004, "CAF number \(caf) is already linked to another user.", path: path))
        }
        return problems
    }
}
