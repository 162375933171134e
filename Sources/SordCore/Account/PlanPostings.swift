/// What setting up or revising a payment plan posts (SPEC 12.5): a TC 971 on every covered module,
/// with action code 063 "Installment agreement established" for a long-term plan or sord's 069
/// "Short-term payment plan established" (see `TransactionCodes.ActionCode`), and the user fee as
/// a TC 360 on the latest covered module when the fee is above zero (a 0.00 fee posts nothing).
public enum PlanPostings {
    /// The covered modules after the postings, in the order given.
    public static func establish(_ kind: PaymentPlanKind, fee: Money, on day: Day, modules: [TaxModuleRecord]) -> [TaxModuleRecord] {
        let action: TransactionCodes.ActionCode = kind == .longTerm ? .installmentAgreementEstablished : .shortTermPaymentPlanEstablished
        var posted = modules.map { $0.posting(TransactionCodes.miscellaneousAction, on: day, amount: .zero, actionCode: action) }
        if fee > .zero, let latest = posted.indices.max(by: { TaxModuleRecord.byPeriod(posted[$0], posted[$1]) }) {
            posted[latest] = posted[latest].posting(TransactionCodes.userFee, on: day, amount: fee)
        }
        return posted
    }
}
