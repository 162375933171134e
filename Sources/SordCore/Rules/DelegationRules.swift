/// The rules of a `delegation` (SPEC 5.5, EF-001, EF-002): only a principal or responsible official
/// of an e-File application grants or revokes TDS, and only for a delegate on that application.
public enum DelegationRules {
    /// What the rules need to know.
    public struct Facts: Sendable {
        /// The submitter's membership of the application, when on it.
        public var submitter: EFileUserRecord?
        /// Whether a sord user with the delegate's id exists.
        public var delegateIsUser: Bool
        /// The delegate's membership of the application, when on it.
        public var delegate: EFileUserRecord?

        public init(submitter: EFileUserRecord?, delegateIsUser: Bool, delegate: EFileUserRecord?) {
            self.submitter = submitter
            self.delegateIsUser = delegateIsUser
            self.delegate = delegate
        }
    }

    /// Parses the EFIN (EF-001 when it is not 6 digits: no application can be named by it).
    public static func parse(_ delegation: Delegation) -> Result<EFIN, Problem> {
        do {
            return .success(try EFIN(parsing: delegation.efin))
        } catch {
            return .failure(Problem(.ef001, "The EFIN is not valid: \(error).", path: "$.efin"))
        }
    }

    /// EF-001, else EF-002. Authorization before existence: a submitter who is not a principal or
    /// responsible official learns nothing about the delegate.
    public static func check(_ delegation: Delegation, facts: Facts) -> [Problem] {
        guard let submitter = facts.submitter, submitter.role != .delegate else {
            return [Problem(.ef001, "You are not a principal or responsible official of this e-File application.", path: "$.efin")]
        }
        guard facts.delegateIsUser, let delegate = facts.delegate, delegate.role == .delegate else {
            return [Problem(.ef002, "No delegate with this user id is on this e-File application.", path: "$.delegate")]
        }
        return []
    }
}
