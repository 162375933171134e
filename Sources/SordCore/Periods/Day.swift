/// A civil (proleptic Gregorian) calendar day, written `YYYY-MM-DD`, without time or zone; in
/// JSON, that string.
///
/// SordCore has no clock: "today" is always a `Day` passed in by the caller.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A day from its parts; years 1 ... 9999, refused when the calendar has no such day.
    public init(year: Int, month: Int, day: Int) throws(IdentifierError) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day)
        else { throw .impossibleDate }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ASCII digits, exactly that width).
    public init(parsing text: String) throws(IdentifierError) {
        guard let f = DigitText.fields(text, widths: [4, 2, 2]) else { throw .malformed(.date) }
        try self.init(year: f[0], month: f[1], day: f[2])
    }

    /// The day `ordinal` days after 1970-01-01 (negative: before it).
    init(ordinal: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month (1–12) of a year; 0 for a month outside 1–12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// The last day of a month (1–12) of a year (1–9999).
    public static func lastDay(ofMonth month: Int, year: Int) throws(IdentifierError) -> Day {
        try Day(year: year, month: month, day: daysIn(month: month, year: year))
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The same month and day `years` later (earlier when negative); 29 February becomes
    /// 28 February in a year without one.
    public func adding(years: Int) -> Day {
        let y = year + years
        return Day(unchecked: y, month, min(day, Day.daysIn(month: month, year: y)))
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day of the week, numbered as ISO 8601 does: 1 Monday … 5 Friday, 6 Saturday, 7 Sunday.
    public var weekday: Int {
        // 1970-01-01 (ordinal 0) was a Thursday, weekday 4.
        ((ordinal % 7) + 7 + 3) % 7 + 1
    }

    /// The number of days from `self` to `other`: positive when `other` is later.
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes from a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        DigitText.padded(year, width: 4) + "-" + DigitText.padded(month, width: 2) + "-"
            + DigitText.padded(day, width: 2)
    }
}
