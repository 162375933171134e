/// Which payment reason may be paid for which period (SPEC 12.4, `PAY-007`; DOMAIN.md, the reasons
/// of IRS Direct Pay), judged on the day the payment posts (today for a same-day payment):
///
/// - `balance-due`, `installment-agreement`, `amended-return`, `proposed-assessment`: a Form 1040
///   year from 20 years before the payment's year through that year, with a module on the Master
///   File (the module is the rule's to look at once the requester is authorized).
/// - `estimated-tax`: the payment's year; in January also the year before.
/// - `extension`: the year before the payment's, from 1 January until 15 April inclusive.
///
/// Every reason takes a calendar-year Form 1040 period (`YYYY`): sord takes payments for
/// individuals only.
public enum PaymentReasonRules {
    /// How many years back a balance may be paid.
    public static let yearsBack = 20
    /// The last day of an extension payment: 15 April (month, day).
    public static let extensionDeadline = (month: 4, day: 15)

    /// Whether `reason` pays an existing balance, so the period needs a module on the Master File.
    public static func needsModule(_ reason: PaymentReason) -> Bool {
        switch reason {
        case .balanceDue, .installmentAgreement, .amendedReturn, .proposedAssessment: true
        case .estimatedTax, .extension: false
        }
    }

    /// Why `reason` cannot be paid for `form` and `period` by a payment posting on `day`, in words
    /// for the PAY-007 message; nil when it can (module existence aside). With `day` nil (the
    /// payment date is not valid, ID-004) only the form and period are judged.
    public static func refusal(_ reason: PaymentReason, form: String, period: TaxPeriod?, on day: Day?) -> String? {
        guard form == "1040", let period, period.isCalendarYear else {
            return "Payments are taken for Form 1040 calendar years (form 1040, period YYYY)."
        }
        guard let day else { return nil }
        switch reason {
        case .balanceDue, .installmentAgreement, .amendedReturn, .proposedAssessment:
            guard period.isWithin(yearsBack: yearsBack, of: day) else {
                return "A \(reason.rawValue) payment on \(day) is for a year from \(day.year - yearsBack) through \(day.year)."
            }
        case .estimatedTax:
            let lastYearToo = day.month == 1
            guard period.year == day.year || (lastYearToo && period.year == day.year - 1) else {
                return "Estimated tax paid on \(day) is for \(day.year)\(lastYearToo ? " or \(day.year - 1)" : "")."
            }
        case .extension:
            let deadline = (month: day.month, day: day.day) <= extensionDeadline
            guard period.year == day.year - 1, deadline else {
                return "An extension payment is for last year's return, paid from 1 January to 15 April; on \(day) none is taken for \(period)."
            }
        }
        return nil
    }
}
