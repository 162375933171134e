/// How values look in a text transcript, as on IRS transcripts: dates `MM-DD-YYYY`, periods
/// `Dec. 31, 2024`, amounts `$52,000.00` and `-$5,100.00` (a minus sign is a credit).
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

    /// An amount with a dollar sign and thousands separators.
    public static func money(_ amount: Money) -> String {
        let magnitude = amount.cents.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let cents = magnitude % 100
        return (amount.cents < 0 ? "-$" : "$") + whole + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
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
