/// A TDS transcript product (SPEC 5.6). Which products fit an individual or a business is a rule
/// (`TDS-106`), not a schema check.
public enum TranscriptProduct: String, Sendable, Hashable, CaseIterable, Codable {
    case account
    case recordOfAccount = "record-of-account"
    case `return`
    case wageAndIncome = "wage-and-income"
    case verificationOfNonFiling = "verification-of-non-filing"
    case entity
}
