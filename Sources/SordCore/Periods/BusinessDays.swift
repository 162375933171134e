/// Business days for payment deadlines (SPEC 12.4, `PAY-009`): Monday to Friday. Federal holidays
/// are not modelled, so a holiday counts as a business day.
public enum BusinessDays {
    /// Whether `day` is Monday to Friday.
    public static func isBusinessDay(_ day: Day) -> Bool {
        day.weekday <= 5
    }

    /// How many business days lie after `start` up to and including `end` (0 when `end` is not
    /// after `start`). From Friday to the next Tuesday that is 2: Monday and Tuesday.
    public static func count(after start: Day, through end: Day) -> Int {
        let span = start.days(until: end)
        guard span > 0 else { return 0 }
        let weeks = span / 7
        var count = weeks * 5
        var day = start.adding(days: weeks * 7)
        while day < end {
            day = day.adding(days: 1)
            if isBusinessDay(day) { count += 1 }
        }
        return count
    }
}
