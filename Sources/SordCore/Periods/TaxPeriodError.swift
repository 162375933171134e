/// Why a text is not a tax period. Rules report every case as AUTH-008 (or TDS item errors); the
/// cases let the message say whether the entry was nonspecific or just badly written.
public enum TaxPeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not `YYYY` or `YYYY-MM`.
    case malformed
    /// `YYYY-MM` with a month outside 01–12.
    case monthOutOfRange
    /// An entry that names no single period: "all years", "all periods", "various", a range such as
    /// "2020-2023" or "2020 through 2023", or several years in one entry.
    case nonspecific

    /// The catalogue code for an authorization's periods (AUTH-008).
    public var reasonCode: ReasonCode { .auth008 }

    public var description: String {
        switch self {
        case .malformed: "a tax period is written YYYY (calendar year) or YYYY-MM (month the period ends)"
        case .monthOutOfRange: "the month of a YYYY-MM period is 01 to 12"
        case .nonspecific: "list each period on its own (YYYY or YYYY-MM); \"all years\", \"various\" and ranges are not accepted"
        }
    }
}
