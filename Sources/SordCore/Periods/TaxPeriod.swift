/// A tax period (SPEC 5): a calendar year `YYYY`, or `YYYY-MM`, the month a quarter or fiscal year
/// ends. `2024` and `2024-12` are different periods: the first is the calendar year, the second a
/// period (quarter or fiscal year) ending in December 2024.
public struct TaxPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year the period ends in.
    public let year: Int
    /// The month the period ends in, or nil for a calendar year.
    public let month: Int?

    /// A calendar year (1 ... 9999).
    public init(year: Int) throws(TaxPeriodError) {
        guard (1...9999).contains(year) else { throw .malformed }
        self.year = year
        self.month = nil
    }

    /// A period ending in `endMonth` (1–12) of `year` (1 ... 9999).
    public init(year: Int, endMonth: Int) throws(TaxPeriodError) {
        guard (1...9999).contains(year) else { throw .malformed }
        guard (1...12).contains(endMonth) else { throw .monthOutOfRange }
        self.year = year
        self.month = endMonth
    }

    /// Parses `YYYY` or `YYYY-MM`; tells nonspecific entries ("all years", "2020-2023") apart from
    /// malformed ones.
    public init(parsing text: String) throws(TaxPeriodError) {
        if let y = DigitText.value(text, count: 4) {
            try self.init(year: y)
        } else if let f = DigitText.fields(text, widths: [4, 2]) {
            try self.init(year: f[0], endMonth: f[1])
        } else {
            throw TaxPeriod.isNonspecific(text) ? .nonspecific : .malformed
        }
    }

    /// Words that make an entry name no single period.
    private static let nonspecificWords: Set<String> = [
        "all", "any", "every", "each", "various", "ongoing", "future", "subsequent", "prior", "later",
        "present", "current", "years", "periods",
    ]
    /// Words that join the two ends of a range.
    private static let rangeWords: Set<String> = ["to", "through", "thru", "and"]

    /// True when `text` uses a nonspecific word, or is made only of years, numbers and range words
    /// with at least two four-digit years (a range or a list in one entry).
    private static func isNonspecific(_ text: String) -> Bool {
        let words = text.lowercased()
            .split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            .map(String.init)
        if words.contains(where: nonspecificWords.contains) { return true }
        let years = words.filter { DigitText.value($0, count: 4) != nil }.count
        let rangeShaped = words.allSatisfy { rangeWords.contains($0) || $0.allSatisfy(\.isNumber) }
        return years >= 2 && rangeShaped
    }

    /// True for a `YYYY` period.
    public var isCalendarYear: Bool { month == nil }

    /// The month the period ends in: 12 for a calendar year.
    public var endMonth: Int { month ?? 12 }

    /// The last day of the period (31 December for a calendar year).
    public var endDay: Day {
        // Cannot fail: year and month were validated on construction.
        try! Day.lastDay(ofMonth: endMonth, year: year)
    }

    /// Whether the period ends in March, June, September or December (a calendar year does).
    public var isQuarterEnd: Bool { endMonth % 3 == 0 }

    /// "This year and `yearsBack` prior" (TDS-105): the period's year is between
    /// `today.year - yearsBack` and `today.year`, inclusive.
    public func isWithin(yearsBack: Int, of today: Day) -> Bool {
        (today.year - yearsBack...today.year).contains(year)
    }

    /// How many years after a form's receipt a listed period may end (AUTH-009).
    public static let maxYearsAfterReceipt = 3

    /// AUTH-009: the period's end day is on or before the received day plus `years` years
    /// (same month and day; 29 February received counts to 28 February).
    /// For example, received 2026-11-20: `2029` (ends 2029-12-31) is too far; `2029-06` is fine.
    public func ends(noLaterThanYears years: Int = TaxPeriod.maxYearsAfterReceipt, after received: Day) -> Bool {
        endDay <= received.adding(years: years)
    }

    /// The first year the Tax Pro Account offers.
    public static let taxProAccountFirstYear = 2000
    /// How many years past the current one the Tax Pro Account offers.
    public static let taxProAccountYearsAhead = 3

    /// TPA-004's year range: 2000 ... `today.year + 3`. Whether the period must also be a calendar
    /// year or a quarter end depends on the matter and is the rule's to check.
    public func isInTaxProAccountYears(today: Day) -> Bool {
        (TaxPeriod.taxProAccountFirstYear...today.year + TaxPeriod.taxProAccountYearsAhead).contains(year)
    }

    /// Ordered by end day; a calendar year sorts after a `YYYY-12` period of the same year.
    public static func < (lhs: TaxPeriod, rhs: TaxPeriod) -> Bool {
        (lhs.year, lhs.endMonth, lhs.isCalendarYear ? 1 : 0) < (rhs.year, rhs.endMonth, rhs.isCalendarYear ? 1 : 0)
    }

    /// `YYYY` or `YYYY-MM`.
    public var description: String {
        let y = DigitText.padded(year, width: 4)
        return month.map { y + "-" + DigitText.padded($0, width: 2) } ?? y
    }
}
