/// When an unanswered Tax Pro Account request expires (SPEC 12.2, setting `tpa_request_days`,
/// default 30; DOMAIN.md: not published by the IRS, so a setting). A request created on day D
/// expires on D + days: it may still be answered on the day before, not on that day or later,
/// when a decision gets TPA-009.
public enum TaxProAccountRequestExpiry {
    /// The default of `tpa_request_days`.
    public static let defaultDays = 30

    /// The day a request created on `createdOn` expires.
    public static func expiresOn(createdOn: Day, days: Int) -> Day {
        createdOn.adding(days: days)
    }

    /// Whether a request created on `createdOn` has expired as of `day`.
    public static func isExpired(createdOn: Day, days: Int, asOf day: Day) -> Bool {
        day >= expiresOn(createdOn: createdOn, days: days)
    }

    /// The status the request has as of `day`: a `pending` one past its expiry day is `expired`
    /// even before the scheduler has marked it so; any other status stays.
    public static func status(_ stored: TaxProAccountDecisionRules.Status, createdOn: Day, days: Int,
                              asOf day: Day) -> TaxProAccountDecisionRules.Status {
        stored == .pending && isExpired(createdOn: createdOn, days: days, asOf: day) ? .expired : stored
    }
}
