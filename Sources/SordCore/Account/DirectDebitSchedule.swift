/// The days a long-term plan's direct debit is due (SPEC 12.5): the due day of each month, from
/// the first one at least 30 days after the schedule starts (the plan's establishment, or the
/// revision that last changed its due day or account). The scheduler posts each due day exactly
/// once, in date order, catching up after a stop.
public enum DirectDebitSchedule {
    /// How many days after the start the first debit may fall at the earliest.
    public static let firstDebitAfterDays = 30

    /// The first debit day: the first day of the month numbered `dueDay` (1–28) on or after
    /// `start` + 30 days.
    public static func firstDebit(from start: Day, dueDay: Int) -> Day {
        let earliest = start.adding(days: firstDebitAfterDays)
        let sameMonth = monthDay(year: earliest.year, month: earliest.month, dueDay: dueDay)
        return sameMonth >= earliest ? sameMonth : nextMonth(sameMonth)
    }

    /// Every debit day after `lastDebit` (all of them when nil) up to and including `today`, in
    /// order.
    public static func dueDays(from start: Day, dueDay: Int, after lastDebit: Day?, through today: Day) -> [Day] {
        var days: [Day] = []
        var day = firstDebit(from: start, dueDay: dueDay)
        while day <= today {
            if lastDebit.map({ day > $0 }) ?? true { days.append(day) }
            day = nextMonth(day)
        }
        return days
    }

    /// The same day of the next month (days 1–28 exist in every month).
    private static func nextMonth(_ day: Day) -> Day {
        day.month == 12 ? monthDay(year: day.year + 1, month: 1, dueDay: day.day) : monthDay(year: day.year, month: day.month + 1, dueDay: day.day)
    }

    private static func monthDay(year: Int, month: Int, dueDay: Int) -> Day {
        // Days 1–28 exist in every month of every year 1 ... 9999.
        try! Day(year: year, month: month, day: dueDay)
    }
}
