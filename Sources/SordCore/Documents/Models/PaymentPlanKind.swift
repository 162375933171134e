/// The two online payment plans of SPEC 12.5: a long-term plan (installment agreement, monthly
/// payments over up to 72 months) or a short-term plan (pay in full by a date within 180 days).
public enum PaymentPlanKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// An installment agreement: monthly payments, the amount owed paid within 72 months.
    case longTerm = "long-term"
    /// The amount owed paid in full within 180 days.
    case shortTerm = "short-term"
}
