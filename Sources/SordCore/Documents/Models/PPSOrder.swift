/// `pps-order` (SPEC 12.8): a Practitioner Priority Service assistor sends transcripts into a
/// practitioner's mailbox. `requests` are exactly the lines of a `transcript-request`, and each
/// item is decided by the TDS item rules against the practitioner's linked CAF number.
public struct PPSOrder: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The practitioner's user id.
    public let practitioner: String
    /// The transcripts asked for, as in a `transcript-request` (its `requests`, its `items`).
    public let transcripts: TranscriptRequest

    public init(clientRef: String? = nil, practitioner: String, transcripts: TranscriptRequest) {
        self.clientRef = clientRef
        self.practitioner = practitioner
        self.transcripts = transcripts
    }
}
