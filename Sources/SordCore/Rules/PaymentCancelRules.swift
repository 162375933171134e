/// The rules of a `payment-cancel` (SPEC 12.4): PAY-008 unless the payment exists, is scheduled and
/// the requester may change it (its creator, or the taxpayer it is for); PAY-009 when fewer than
/// two business days (Monday to Friday, see `BusinessDays`) lie after today up to and including
/// the payment date. So a payment on Friday can be cancelled until Wednesday, one on Monday until
/// the Thursday before.
public enum PaymentCancelRules {
    /// How many business days before its date a payment may still be cancelled.
    public static let businessDaysNotice = 2

    /// Every problem with cancelling `payment` (the record with the named id, nil when there is
    /// none) on `today`. One PAY-008 message for every case, so the answer does not tell whether
    /// someone else's payment exists.
    public static func check(payment: PaymentRecord?, requester: AccountRequester, today: Day) -> [Problem] {
        guard let payment, payment.status == .scheduled,
              requester.mayChange(createdBy: payment.requester, tin: payment.tin.description) else {
            return [Problem(.pay008, "There is no scheduled payment with this id that you may cancel.", path: "$.payment")]
        }
        guard BusinessDays.count(after: today, through: payment.date) >= businessDaysNotice else {
            return [Problem(.pay009, "The payment of \(payment.date) can be cancelled only until two business days before it; it will post.",
                            path: "$.payment")]
        }
        return []
    }
}
