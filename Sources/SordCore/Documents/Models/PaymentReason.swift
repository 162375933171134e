/// Why a payment is made (SPEC 12.4, the reasons of IRS Direct Pay). Which periods each reason
/// may be paid for is rule `PAY-007` (`PaymentReasonRules`).
public enum PaymentReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// A balance due on a filed return.
    case balanceDue = "balance-due"
    /// A payment under an installment agreement.
    case installmentAgreement = "installment-agreement"
    /// Tax owed on an amended return.
    case amendedReturn = "amended-return"
    /// A proposed assessment (e.g. after an examination).
    case proposedAssessment = "proposed-assessment"
    /// This year's estimated tax (in January also last year's).
    case estimatedTax = "estimated-tax"
    /// With a request for an extension of time to file last year's return.
    case `extension`
}
