/// How a payment made through sord posts on its date (SPEC 12.4): a TC 670 "Payment" (TC 430
/// "Estimated tax payment" for `estimated-tax`) with the amount as a credit (negative), the
/// balance reduced by it. A module for the year is created when there is none (an estimated-tax
/// or extension payment usually comes before the return). A transcript of the module afterwards
/// shows the same transaction.
public enum PaymentPosting {
    /// The transaction code a payment of `reason` posts as.
    public static func transactionCode(_ reason: PaymentReason) -> String {
        reason == .estimatedTax ? TransactionCodes.estimatedTaxPayment : TransactionCodes.payment
    }

    /// The module after `payment` posts: `module` (the Master File module of the payment's form and
    /// period), or a new empty module when it is nil.
    public static func post(_ payment: PaymentRecord, to module: TaxModuleRecord?) -> TaxModuleRecord {
        let target = module ?? TaxModuleRecord(tin: payment.tin.description, form: payment.form,
                                               period: payment.period.description)
        return target.posting(transactionCode(payment.reason), on: payment.date, amount: -payment.amount)
    }
}
