/// `transcript-request` (SPEC 5.6): TDS requests from a `.json` document or a `.csv` file.
/// Each request × period is one item, answered on its own: `items` go to the TDS rules,
/// `refusedItems` (CSV rows the schema refused) are answered rejected with their own problems.
public struct TranscriptRequest: Sendable, Hashable {
    /// One line as submitted: a request the schema accepted, or a CSV row it refused.
    public enum Line: Sendable, Hashable {
        /// A readable request: one item per period.
        case request(TranscriptRequestLine)
        /// A CSV row that could not be read as a request (bad product, missing cell …): one item,
        /// rejected with these `SUB-005` problems, each naming the row (`$[row 3].product`).
        case refusedRow(row: Int, problems: [Problem])
    }

    public let clientRef: String?
    /// Every line in submission order; at least one.
    public let lines: [Line]

    public init(clientRef: String? = nil, lines: [Line]) {
        self.clientRef = clientRef
        self.lines = lines
    }

    /// A request whose lines were all readable (every JSON document: a schema error in one rejects
    /// the whole document).
    public init(clientRef: String? = nil, requests: [TranscriptRequestLine]) {
        self.init(clientRef: clientRef, lines: requests.map(Line.request))
    }

    /// The readable requests, in submission order.
    public var requests: [TranscriptRequestLine] {
        lines.compactMap { if case .request(let line) = $0 { line } else { nil } }
    }

    /// How many items the request holds, refused rows included: what `max_items_per_request`
    /// limits and what the ack lists.
    public var itemCount: Int {
        lines.reduce(0) { $0 + $1.itemCount }
    }

    /// The readable items, one per request × period, in submission order. `index` counts every
    /// item, refused rows included, from 0.
    public var items: [TranscriptItem] {
        var items: [TranscriptItem] = []
        items.reserveCapacity(itemCount)
        for (lineIndex, (line, first)) in zip(lines, firstItemIndices).enumerated() {
            guard case .request(let request) = line else { continue }
            for (periodIndex, period) in request.periods.enumerated() {
                items.append(TranscriptItem(
                    index: first + periodIndex, line: lineIndex, periodIndex: periodIndex, period: period, request: request))
            }
        }
        return items
    }

    /// The items the schema refused, in submission order, each with its index among all items and
    /// its problems: to be answered rejected, never judged by the TDS rules.
    public var refusedItems: [RefusedTranscriptItem] {
        zip(lines, firstItemIndices).compactMap { line, first in
            guard case .refusedRow(_, let problems) = line else { return nil }
            return RefusedTranscriptItem(index: first, problems: problems)
        }
    }

    /// The index of each line's first item.
    private var firstItemIndices: [Int] {
        var next = 0
        return lines.map { line in
            defer { next += line.itemCount }
            return next
        }
    }
}

extension TranscriptRequest.Line {
    /// A request has one item per period; a refused row is one item.
    var itemCount: Int {
        switch self {
        case .request(let request): request.periods.count
        case .refusedRow: 1
        }
    }
}
