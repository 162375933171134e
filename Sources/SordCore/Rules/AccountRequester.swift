/// Who asks to see or act on a taxpayer's account (SPEC 12 "Visibility"), as the account rules
/// need to know them.
public enum AccountRequester: Sendable, Hashable {
    /// A practitioner, by user id, with their linked CAF number when it is on the CAF in good
    /// standing (`LinkedCAFStanding.usableCAF`); nil otherwise, and then they see nothing.
    case practitioner(user: String, caf: CAFNumber?)
    /// A taxpayer with an online account, by user id and their own TIN.
    case taxpayer(user: String, tin: TIN)

    /// The requester's user id.
    public var user: String {
        switch self {
        case .practitioner(let user, _), .taxpayer(let user, _): user
        }
    }

    /// Whether the requester is a taxpayer (who sees only their own TIN).
    public var isTaxpayer: Bool {
        if case .taxpayer = self { return true }
        return false
    }

    /// Whether the requester may change something (a scheduled payment, a plan) that `creator`
    /// made for the taxpayer `tin`: its creator, or the taxpayer themselves (PAY-008, PLAN-007).
    public func mayChange(createdBy creator: String, tin: String) -> Bool {
        if creator == user { return true }
        if case .taxpayer(_, let own) = self, (try? TIN(parsing: tin)) == own { return true }
        return false
    }
}
