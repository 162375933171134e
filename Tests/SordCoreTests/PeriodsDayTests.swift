import Testing
@testable import SordCore

@Suite("Day")
struct PeriodsDayTests {
    @Test("valid days", arguments: [
        "2024-02-29", "2000-02-29", "2023-02-28", "2026-12-31", "2026-01-01", "1970-01-01", "0001-01-01",
        "9999-12-31", "2026-04-30",
    ])
    func valid(text: String) throws {
        #expect(try Day(parsing: text).description == text)
    }

    @Test("impossible days", arguments: [
        "2023-02-29", "1900-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
        "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "0000-01-01",
    ])
    func impossible(text: String) {
        #expect(throws: IdentifierError.impossibleDate) { try Day(parsing: text) }
        #expect(IdentifierError.impossibleDate.reasonCode == .id004)
    }

    @Test("malformed days", arguments: [
        "2026-1-01", "26-01-01", "2026/01/01", "20260101", "2026-01-01T00:00", "2026-01-1", "", "2026-ab-01",
        "2026-01-01 ",
    ])
    func malformed(text: String) {
        #expect(throws: IdentifierError.malformed(.date)) { try Day(parsing: text) }
    }

    @Test func leapYears() {
        #expect(Day.isLeapYear(2024) && Day.isLeapYear(2000) && Day.isLeapYear(1600))
        #expect(!Day.isLeapYear(2023) && !Day.isLeapYear(1900) && !Day.isLeapYear(2100))
        #expect(Day.daysIn(month: 2, year: 2024) == 29 && Day.daysIn(month: 2, year: 2023) == 28)
        #expect(Day.daysIn(month: 13, year: 2024) == 0)
    }

    @Test("adding days", arguments: [
        ("2024-02-28", 1, "2024-02-29"), ("2024-02-29", 1, "2024-03-01"), ("2023-02-28", 1, "2023-03-01"),
        ("2026-12-31", 1, "2027-01-01"), ("2027-01-01", -1, "2026-12-31"), ("2026-11-20", 120, "2027-03-20"),
        ("2026-11-20", 45, "2027-01-04"), ("1970-01-01", 0, "1970-01-01"), ("2000-03-01", -1, "2000-02-29"),
        ("2026-01-01", 365, "2027-01-01"), ("2024-01-01", 366, "2025-01-01"),
    ])
    func addingDays(from: String, days: Int, to: String) throws {
        let start = try Day(parsing: from), end = try Day(parsing: to)
        #expect(start.adding(days: days) == end)
        #expect(start.days(until: end) == days)
        #expect(end.days(until: start) == -days)
    }

    @Test("adding years", arguments: [
        ("2026-11-20", 3, "2029-11-20"), ("2024-02-29", 3, "2027-02-28"), ("2024-02-29", 4, "2028-02-29"),
        ("2024-02-29", -1, "2023-02-28"), ("2026-01-31", 1, "2027-01-31"),
    ])
    func addingYears(from: String, years: Int, to: String) throws {
        #expect(try Day(parsing: from).adding(years: years) == Day(parsing: to))
    }

    @Test func ordering() throws {
        let days = try ["2026-01-02", "2025-12-31", "2026-01-01", "2024-02-29"].map(Day.init(parsing:))
        #expect(days.sorted().map(\.description) == ["2024-02-29", "2025-12-31", "2026-01-01", "2026-01-02"])
        #expect(try Day(parsing: "2026-01-01") < Day(parsing: "2026-01-02"))
    }

    @Test func epochOrdinal() throws {
        #expect(try Day(parsing: "1970-01-01").ordinal == 0)
        #expect(try Day(parsing: "2000-03-01").ordinal == 11_017)
    }

    @Test("weekdays, ISO numbered (1 Monday … 7 Sunday)", arguments: [
        ("1970-01-01", 4), ("1969-12-31", 3), ("2026-11-20", 5), ("2026-11-21", 6), ("2026-11-22", 7),
        ("2026-11-23", 1), ("2024-02-29", 4), ("2000-01-01", 6),
    ])
    func weekday(text: String, weekday: Int) throws {
        #expect(try Day(parsing: text).weekday == weekday)
    }

    @Test func lastDayOfMonth() throws {
        #expect(try Day.lastDay(ofMonth: 2, year: 2024).description == "2024-02-29")
        #expect(try Day.lastDay(ofMonth: 9, year: 2025).description == "2025-09-30")
        #expect(throws: IdentifierError.impossibleDate) { try Day.lastDay(ofMonth: 13, year: 2025) }
    }
}
