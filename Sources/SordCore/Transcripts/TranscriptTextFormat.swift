/// How values look in a text transcript, as on IRS transcripts: dates `MM-DD-YYYY`, periods
/// `Dec. 31, 2024`, amounts `$52,000.00` and `-$5,100.00` (a minus sign is a credit). Account
/// reports use the same helpers, with amounts written without the dollar sign (`amount`).
public enum TranscriptTextFormat {
    private static let months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]

    /// `YYYY-MM-DD` as `MM-DD-YYYY`; any other text unchanged.
    public static func date(_ iso: String) -> String {
        guard let day = try? Day(parsing: iso) else { return iso }
        return DigitText.padded(day.month, width: 2) + "-" + DigitText.padded(day.day, width: 2) + "-"
            + DigitText.padded(day.year, width: 4)
    }

    /// A period end day `YYYY-MM-DD` as `Dec. 31, 2024`; any other text unchanged.
    public static func periodEnd(_ iso: String) -> String {
        guard let day = try? Day(parsing: iso) else { return iso }
        return months[day.month - 1] + " " + DigitText.padded(day.day, width: 2) + ", " + DigitText.padded(day.year, width: 4)
    }

    /// An amount with a dollar sign and thousands separators, as transcripts print it
    /// (`$52,000.00`, `-$5,100.00`).
    public static func money(_ amount: Money) -> String {
        (amount.cents < 0 ? "-$" : "$") + grouped(amount.cents.magnitude)
    }

    /// An amount with thousands separators and two decimals, no dollar sign, as account pages
    /// print it (`1,250.00`, `-1,250.00`).
    public static func amount(_ amount: Money) -> String {
        (amount.cents < 0 ? "-" : "") + grouped(amount.cents.magnitude)
    }

    /// A number of cents as dollars with thousands separators and two decimals (`52,000.00`).
    private static func grouped(_ cents: UInt64) -> String {
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let fraction = cents % 100
        return whole + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `text` padded with blanks on the right to `width` (never cut).
    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` padded with blanks on the left to `width` (never cut).
    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
