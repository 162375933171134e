import Testing
@testable import SordCore

@Suite("TaxPeriod")
struct PeriodsTaxPeriodTests {
    private func day(_ text: String) throws -> Day { try Day(parsing: text) }

    @Test("valid periods", arguments: [
        ("2024", true, 12, "2024-12-31", true),
        ("2024-03", false, 3, "2024-03-31", true),
        ("2024-06", false, 6, "2024-06-30", true),
        ("2024-09", false, 9, "2024-09-30", true),
        ("2024-12", false, 12, "2024-12-31", true),
        ("2024-02", false, 2, "2024-02-29", false),
        ("2023-02", false, 2, "2023-02-28", false),
        ("2025-01", false, 1, "2025-01-31", false),
        ("2025-11", false, 11, "2025-11-30", false),
    ])
    func valid(text: String, calendar: Bool, month: Int, end: String, quarter: Bool) throws {
        let p = try TaxPeriod(parsing: text)
        #expect(p.description == text)
        #expect(p.isCalendarYear == calendar)
        #expect(p.endMonth == month)
        #expect(p.endDay.description == end)
        #expect(p.isQuarterEnd == quarter)
        #expect(p.year == Int(text.prefix(4)))
    }

    @Test("nonspecific entries", arguments: [
        "all years", "All Years", "all periods", "all", "ALL", "various", "Various years", "2020-2023",
        "2020 - 2023", "2020–2023", "2020 through 2023", "2020 to 2023", "2020 thru 2023", "2020-03 to 2021-03",
        "2020, 2021", "2020 and 2021", "2020 and subsequent years", "all future periods", "every year", "any",
    ])
    func nonspecific(text: String) {
        #expect(throws: TaxPeriodError.nonspecific) { try TaxPeriod(parsing: text) }
    }

    @Test("malformed entries", arguments: [
        "24", "20245", "2024-3", "2024-003", "2024/03", "2024-Q1", "FY2024", "", " 2024", "2024 ", "0000",
        "2024-03-31", "twenty", "2024-1",
    ])
    func malformed(text: String) {
        #expect(throws: TaxPeriodError.malformed) { try TaxPeriod(parsing: text) }
    }

    @Test("months out of range", arguments: ["2024-00", "2024-13", "2024-99"])
    func badMonth(text: String) {
        #expect(throws: TaxPeriodError.monthOutOfRange) { try TaxPeriod(parsing: text) }
    }

    @Test func errorsReportAuth008() {
        for e in [TaxPeriodError.malformed, .monthOutOfRange, .nonspecific] {
            #expect(e.reasonCode == .auth008)
            #expect(!e.description.isEmpty)
        }
    }

    @Test func calendarYearAndDecemberAreDifferentPeriods() throws {
        let year = try TaxPeriod(parsing: "2024"), december = try TaxPeriod(parsing: "2024-12")
        #expect(year != december)
        #expect(year.endDay == december.endDay)
        #expect(december < year)
        let sorted = try ["2025", "2024-06", "2024", "2024-12", "2023-03"].map(TaxPeriod.init(parsing:)).sorted()
        #expect(sorted.map(\.description) == ["2023-03", "2024-06", "2024-12", "2024", "2025"])
    }

    /// TDS-105: this year and N prior.
    @Test("window: this year and N prior", arguments: [
        ("2026", 3, true), ("2023", 3, true), ("2022", 3, false), ("2027", 3, false),
        ("2017", 9, true), ("2016", 9, false), ("2026-06", 3, true), ("2023-03", 3, true), ("2022-12", 3, false),
    ])
    func window(text: String, yearsBack: Int, inside: Bool) throws {
        #expect(try TaxPeriod(parsing: text).isWithin(yearsBack: yearsBack, of: day("2026-11-20")) == inside)
    }

    /// AUTH-009: the end day may be at most 3 years after the received day.
    @Test("window: ends no more than 3 years after receipt", arguments: [
        ("2029-06", "2026-11-20", true), ("2029-10", "2026-11-20", true), ("2029-11", "2026-11-20", false), ("2029-12", "2026-11-20", false),
        ("2029", "2026-11-20", false), ("2028", "2026-11-20", true), ("2029", "2026-12-31", true),
        ("2029", "2026-12-30", false), ("2027-02", "2024-02-29", true), ("2027-03", "2024-02-29", false),
        ("2020", "2026-11-20", true),
    ])
    func auth009(text: String, received: String, ok: Bool) throws {
        #expect(try TaxPeriod(parsing: text).ends(after: day(received)) == ok)
    }

    @Test func auth009CustomYears() throws {
        let p = try TaxPeriod(parsing: "2027")
        #expect(p.ends(noLaterThanYears: 1, after: try day("2026-12-31")))
        #expect(!p.ends(noLaterThanYears: 1, after: try day("2026-12-30")))
    }

    /// TPA-004's years: 2000 ... this year + 3.
    @Test("Tax Pro Account years", arguments: [
        ("1999", false), ("2000", true), ("2026", true), ("2029", true), ("2030", false), ("2029-03", true),
    ])
    func taxProAccount(text: String, inside: Bool) throws {
        #expect(try TaxPeriod(parsing: text).isInTaxProAccountYears(today: day("2026-11-20")) == inside)
    }
}
