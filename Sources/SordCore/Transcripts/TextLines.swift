/// A page of text being laid out the way IRS pages are: labels with values at a fixed column,
/// amounts right-aligned, table rows of fixed-width cells. Transcripts (`TranscriptTextRenderer`)
/// and account reports (`ReportTextRenderer`) are both written with it. Lines end in `\n`; no line
/// has trailing blanks.
struct TextLines {
    /// The column where values start.
    static let labelWidth = 40
    /// The width amounts are right-aligned in.
    static let amountWidth = 14
    /// The width titles are centred in and statements are wrapped to.
    static let pageWidth = 80
    /// The line that opens and closes every page that shows taxpayer data.
    static let banner = "This Product Contains Sensitive Taxpayer Data"

    private(set) var lines: [String] = []
    /// How an amount is written: `TranscriptTextFormat.money` on transcripts (`$1,250.00`),
    /// `TranscriptTextFormat.amount` on reports (`1,250.00`).
    private let formatAmount: (Money) -> String

    init(amounts formatAmount: @escaping (Money) -> String) {
        self.formatAmount = formatAmount
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func add(_ line: String) { lines.append(line.trimmingBlanks) }
    mutating func blank() { lines.append("") }

    /// `title` centred on the page.
    mutating func centred(_ title: String) {
        add(TranscriptTextFormat.right(title, (Self.pageWidth + title.count) / 2))
    }

    /// `LABEL:` then the value at the value column (one blank at least).
    mutating func field(_ label: String, _ value: String) {
        add(TranscriptTextFormat.left(label + " ", Self.labelWidth) + value)
    }

    /// `LABEL:` then the amount right-aligned, and `AS OF: date` after it when given.
    mutating func amount(_ label: String, _ value: Money, asOf: String? = nil) {
        let amount = TranscriptTextFormat.right(formatAmount(value), Self.amountWidth)
        add(TranscriptTextFormat.left(label + " ", Self.labelWidth) + amount
            + (asOf.map { "   AS OF: " + TranscriptTextFormat.date($0) } ?? ""))
    }

    /// Cells padded to their widths, then `last` right-aligned in the amount width.
    mutating func row(_ cells: [String], widths: [Int], last: String) {
        let body = zip(cells, widths).map { TranscriptTextFormat.left($0 + " ", $1) }.joined()
        add(body + TranscriptTextFormat.right(last, Self.amountWidth))
    }

    /// A table row whose last cell is an amount.
    mutating func row(_ cells: [String], widths: [Int], amount: Money) {
        row(cells, widths: widths, last: formatAmount(amount))
    }

    /// Splits `text` into lines of at most `width` characters at blanks.
    static func wrap(_ text: String, width: Int = pageWidth) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    /// The text without trailing blanks.
    fileprivate var trimmingBlanks: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
