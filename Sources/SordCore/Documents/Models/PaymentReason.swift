/// Why a payment is made (SPEC 12.4, the reasons of IRS Direct Pay). Which periods each reason
/// may be paid for is rule `PAY-007` (`PaymentReasonRules`).
public enum PaymentReason: String, Sendable, Hashable, CaseIterable, Codable {
    case balanceDue = "balance-due"
    case installmentAgreement = "installment-agreement"
    case amendedReturn = "amended-return"
    case proposedAssessment = "proposed-assessment"
    case estimatedTax = "estimated-tax"
    case `extension`
}
