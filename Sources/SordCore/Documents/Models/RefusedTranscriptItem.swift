/// An item of a transcript request that the schema refused (a CSV row with a bad product, a
/// missing cell …): answered rejected with its own problems while the other items go on.
public struct RefusedTranscriptItem: Sendable, Hashable {
    /// Position among all items of the request, from 0, as `TranscriptItem.index` counts.
    public let index: Int
    /// The `SUB-005` problems, each with the row's path (`$[row 3].product`).
    public let problems: [Problem]
}
