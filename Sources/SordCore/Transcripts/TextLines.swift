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

    /// The page so far: every line ended by `\n`, written into one buffer.
    private var page = ""
    /// How an amount is written: `TranscriptTextFormat.money` on transcripts (`$1,250.00`),
    /// `TranscriptTextFormat.amount` on reports (`1,250.00`).
    private let formatAmount: (Money) -> String

    init(amounts formatAmount: @escaping (Money) -> String) {
        self.formatAmount = formatAmount
        page.reserveCapacity(4096)
    }

    /// The page; an empty page is one empty line.
    var text: String { page.isEmpty ? "\n" : page }

    mutating func add(_ line: String) {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        page += line
        page += "\n"
    }

    mutating func blank() { page += "\n" }

    /// `title` centred on the page.
    mutating func centred(_ title: String) {
        add(TranscriptTextFormat.right(title, (Self.pageWidth + title.count) / 2))
    }

    /// `LABEL:` then the value at the value column (one blank at least).
    mutating func field(_ label: String, _ value: String) {
        var line = label + " "
        TranscriptTextFormat.pad(&line, to: Self.labelWidth)
        line += value
        add(line)
    }

    /// `LABEL:` then the amount right-aligned, and `AS OF: date` after it when given.
    mutating func amount(_ label: String, _ value: Money, asOf: String? = nil) {
        var line = label + " "
        TranscriptTextFormat.pad(&line, to: Self.labelWidth)
        line += TranscriptTextFormat.right(formatAmount(value), Self.amountWidth)
        if let asOf { line += "   AS OF: " + TranscriptTextFormat.date(asOf) }
        add(line)
    }

    /// Cells padded to their widths, then `last` right-aligned in the amount width.
    mutating func row(_ cells: [String], widths: [Int], last: String) {
        var line = ""
        for (cell, width) in zip(cells, widths) {
            let length = cell.count + 1
            line += cell
            line += " "
            if length < width { line += TranscriptTextFormat.blanks(width - length) }
        }
        line += TranscriptTextFormat.right(last, Self.amountWidth)
        add(line)
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
