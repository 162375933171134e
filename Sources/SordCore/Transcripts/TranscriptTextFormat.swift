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
        let digits = Array(String(cents / 100).utf8)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
            text.unicodeScalars.append(Unicode.Scalar(digit))
        }
        let fraction = cents % 100
        return text + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `text` padded with blanks on the right to `width` (never cut).
    static func left(_ text: String, _ width: Int) -> String {
        var padded = text
        pad(&padded, to: width)
        return padded
    }

    /// Appends blanks to `text` until it is `width` characters long (never cuts).
    static func pad(_ text: inout String, to width: Int) {
        let count = text.count
        if count < width { text += blanks(width - count) }
    }

    /// `count` blanks, cut from one long run (no new string for the padding itself).
    static func blanks(_ count: Int) -> Substring {
        count <= run.utf8.count ? run[..<run.utf8.index(run.startIndex, offsetBy: count)] : Substring(String(repeating: " ", count: count))
    }

    private static let run = String(repeating: " ", count: 128)

    /// `text` padded with blanks on the left to `width` (never cut).
    static func right(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : blanks(width - count) + text
    }
}
