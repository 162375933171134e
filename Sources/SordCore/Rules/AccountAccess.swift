/// What a requester may do with one taxpayer's form and period (SPEC 12 "Visibility"), from the
/// least to the most.
public enum AccountAccess: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Not covered: answered with the same code whether or not records exist.
    case none
    /// See balances, payments, plans and audits: an active 8821 (TIA) or 2848 naming the
    /// practitioner's CAF number.
    case see
    /// See, pay and set up plans: an active 2848 (POA) naming the practitioner's CAF number, or
    /// the taxpayer's own TIN.
    case act

    public static func < (lhs: AccountAccess, rhs: AccountAccess) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether the requester may see the account (ACC-004 otherwise).
    public var maySee: Bool { self >= .see }

    /// Whether the requester may pay or plan (PAY-001 otherwise).
    public var mayAct: Bool { self == .act }
}
