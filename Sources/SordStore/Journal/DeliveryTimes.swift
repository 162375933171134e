/// When things were delivered: what `sord bench` measures from the journal.
public enum DeliveryTimes {
    /// How many mailbox files are delivered, and the latest `deliveredAt`.
    public static func delivered(in db: any SQLSession) throws -> (count: Int, last: String) {
        let row = try db.queryOne("SELECT COUNT(*), MAX(deliveredAt) FROM mailboxFiles WHERE deliveredAt IS NOT NULL")
        return (row?.int(0) ?? 0, row?.string(1) ?? "")
    }

    /// For every submission whose file name starts with `prefix`: its name and when its ack was
    /// delivered (nil while not yet).
    public static func acks(fileNamePrefix prefix: String, in db: any SQLSession) throws -> [(name: String, deliveredAt: String?)] {
        try db.query("""
            SELECT s.fileName, m.deliveredAt FROM submissions s JOIN mailboxFiles m ON m.id = s.ackFileId WHERE s.fileName LIKE ?
            """, prefix + "%").map { ($0.string(0), $0.optionalString(1)) }
    }
}
