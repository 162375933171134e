/// One TDS request: a taxpayer, a product and form, and one or more periods.
///
/// Required: `tin`, `nameControl`, `product`, `form`, `periods` (at least one). Optional:
/// `customerFileNumber`, `unmasked` (default false), `format` (default text). Values are kept as
/// submitted; the TDS rules check them (`TDS-101`, `TDS-105`, `TDS-108`, …).
public struct TranscriptRequestLine: Sendable, Hashable {
    public let tin: String
    public let nameControl: String
    public let product: TranscriptProduct
    public let form: String
    /// Periods as submitted: `YYYY` or `YYYY-MM`. A CSV row carries exactly one.
    public let periods: [String]
    public let customerFileNumber: String?
    public let unmasked: Bool
    public let format: OutputFormat
    /// Where the request came from, for the paths in problems.
    public let source: TranscriptSource

    public init(
        tin: String, nameControl: String, product: TranscriptProduct, form: String, periods: [String],
        customerFileNumber: String? = nil, unmasked: Bool = false, format: OutputFormat = .text,
        source: TranscriptSource
    ) {
        self.tin = tin
        self.nameControl = nameControl
        self.product = product
        self.form = form
        self.periods = periods
        self.customerFileNumber = customerFileNumber
        self.unmasked = unmasked
        self.format = format
        self.source = source
    }
}

/// Where a transcript request line was written: the n-th entry of `requests` in a JSON document, or
/// a CSV row (numbered from 1 like a spreadsheet, the header being row 1).
public enum TranscriptSource: Sendable, Hashable {
    case json(request: Int)
    case csv(row: Int)
}
