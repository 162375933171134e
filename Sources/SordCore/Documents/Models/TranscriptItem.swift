/// One transcript to produce: a request line with one of its periods. The unit TDS answers, masks,
/// seals and delivers.
public struct TranscriptItem: Sendable, Hashable {
    /// Position among all items of the document, from 0; stable for a given document.
    public let index: Int
    /// Position of the request line in `TranscriptRequest.lines`.
    public let line: Int
    /// Position of `period` in the line's `periods`.
    public let periodIndex: Int
    public let tin: String
    public let nameControl: String
    public let product: TranscriptProduct
    public let form: String
    public let period: String
    public let customerFileNumber: String?
    public let unmasked: Bool
    public let format: OutputFormat
    public let source: TranscriptSource

    init(index: Int, line: Int, periodIndex: Int, period: String, request: TranscriptRequestLine) {
        self.index = index
        self.line = line
        self.periodIndex = periodIndex
        self.tin = request.tin
        self.nameControl = request.nameControl
        self.product = request.product
        self.form = request.form
        self.period = period
        self.customerFileNumber = request.customerFileNumber
        self.unmasked = request.unmasked
        self.format = request.format
        self.source = request.source
    }

    /// The item's own path: `$.requests[0].periods[1]` or `$[row 3]`.
    public var path: String {
        switch source {
        case .json(let request): "$.requests[\(request)].periods[\(periodIndex)]"
        case .csv(let row): JSONPath.row(row)
        }
    }

    /// The path of one field of the item, for problems about it: `$.requests[0].tin` or
    /// `$[row 3].tin`; the period is `$.requests[0].periods[1]` or `$[row 3].period`.
    public func path(of field: TranscriptField) -> String {
        switch (source, field) {
        case (.json, .period): path
        case (.json(let request), _): "$.requests[\(request)].\(field.jsonKey)"
        case (.csv(let row), _): "\(JSONPath.row(row)).\(field.csvColumn)"
        }
    }
}

/// A field of a transcript request, named as in JSON (`nameControl`) and in CSV (`name_control`).
public enum TranscriptField: Sendable, Hashable, CaseIterable {
    case tin, nameControl, product, form, period, customerFileNumber, unmasked, format

    /// The JSON field name.
    public var jsonKey: String {
        switch self {
        case .tin: "tin"
        case .nameControl: "nameControl"
        case .product: "product"
        case .form: "form"
        case .period: "periods"
        case .customerFileNumber: "customerFileNumber"
        case .unmasked: "unmasked"
        case .format: "format"
        }
    }

    /// The CSV column name.
    public var csvColumn: String {
        switch self {
        case .tin: "tin"
        case .nameControl: "name_control"
        case .product: "product"
        case .form: "form"
        case .period: "period"
        case .customerFileNumber: "customer_file_number"
        case .unmasked: "unmasked"
        case .format: "format"
        }
    }
}
