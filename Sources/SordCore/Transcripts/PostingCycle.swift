extension Day {
    /// The Master File posting cycle of this day, `YYYYCCDD`: the year, the week of the year
    /// counted from 1 January (01–53) and the day within that week (01–07). Printed in the CYCLE
    /// column of a transcript's transactions.
    public var postingCycle: String {
        // 1 January of a year this day has is always a valid day.
        let offset = (try! Day(year: year, month: 1, day: 1)).days(until: self)
        return DigitText.padded(year, width: 4) + DigitText.padded(offset / 7 + 1, width: 2)
            + DigitText.padded(offset % 7 + 1, width: 2)
    }
}
