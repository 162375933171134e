/// `transcript-request` (SPEC 5.6): TDS requests from a `.json` document or a `.csv` file.
/// Each request × period is one item, answered on its own (`items`).
public struct TranscriptRequest: Sendable, Hashable {
    public let clientRef: String?
    /// The requests in submission order; at least one.
    public let requests: [TranscriptRequestLine]

    public init(clientRef: String? = nil, requests: [TranscriptRequestLine]) {
        self.clientRef = clientRef
        self.requests = requests
    }

    /// One item per request × period, in submission order, indexed from 0.
    public var items: [TranscriptItem] {
        var items: [TranscriptItem] = []
        items.reserveCapacity(requests.reduce(0) { $0 + $1.periods.count })
        for (lineIndex, line) in requests.enumerated() {
            for (periodIndex, period) in line.periods.enumerated() {
                items.append(TranscriptItem(
                    index: items.count, line: lineIndex, periodIndex: periodIndex, period: period, request: line))
            }
        }
        return items
    }
}
