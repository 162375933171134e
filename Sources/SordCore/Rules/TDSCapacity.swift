/// The delivery limits of a TDS item (TDS-109 mailbox full, TDS-111 hourly rate per CAF number).
/// They apply only to an item that would otherwise be delivered, counted in the order items are
/// answered, so a request that crosses a limit has its first items delivered and the rest rejected.
public struct TDSCapacity: Sendable, Hashable {
    /// Files in the requester's mailbox now (not deleted), plus the transcripts already planned for
    /// this and earlier submissions of the same batch.
    public var mailboxFiles: Int
    /// `max_files`.
    public var maxFiles: Int
    /// Transcripts delivered for the requester's CAF number in the last hour, planned ones included.
    public var deliveredForCAFLastHour: Int
    /// `max_per_hour_per_caf`; 0 turns the limit off.
    public var maxPerHourPerCAF: Int

    public init(mailboxFiles: Int, maxFiles: Int, deliveredForCAFLastHour: Int, maxPerHourPerCAF: Int) {
        self.mailboxFiles = mailboxFiles
        self.maxFiles = maxFiles
        self.deliveredForCAFLastHour = deliveredForCAFLastHour
        self.maxPerHourPerCAF = maxPerHourPerCAF
    }

    /// The limit problems of delivering one more transcript. One mailbox slot is always kept for the
    /// submission's acknowledgement, which is delivered whatever happens.
    public func problems(path: String) -> [Problem] {
        var problems: [Problem] = []
        if mailboxFiles + 2 > maxFiles {
            problems.append(Problem(.tds109, "Your mailbox holds the most files allowed (\(maxFiles)); download and delete files, then ask again.", path: path))
        }
        if maxPerHourPerCAF > 0 && deliveredForCAFLastHour >= maxPerHourPerCAF {
            problems.append(Problem(.tds111, "Your CAF number has received \(maxPerHourPerCAF) transcripts in the last hour, the most allowed; ask again later.", path: path))
        }
        return problems
    }

    /// The counts after one more transcript is planned.
    public mutating func recordDelivery() {
        mailboxFiles += 1
        deliveredForCAFLastHour += 1
    }
}
