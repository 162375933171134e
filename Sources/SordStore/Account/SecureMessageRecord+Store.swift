import SordCore

/// The store's queries about secure messages (`secure_messages`): who wrote to whom about which
/// taxpayer, form and period, in which thread. The body is never stored: it travels only sealed,
/// in the recipient's mailbox.
extension SecureMessageRecord {
    /// Stores the message's header (not its body).
    public func insert(in db: any SQLSession) throws {
        try db.execute("""
            INSERT INTO secure_messages (id, thread, sender, recipient, tin, form, period, subject, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, id, thread, from, to, tin.description, form, period.description, subject, createdAt)
    }

    /// The message `id` (its body empty), or nil.
    public static func find(_ id: String, in db: any SQLSession) throws -> SecureMessageRecord? {
        guard let row = try db.queryOne("""
            SELECT id, thread, sender, recipient, tin, form, period, subject, createdAt FROM secure_messages WHERE id = ?
            """, id) else { return nil }
        guard let tin = try? TIN(parsing: row.string(4)), let period = try? TaxPeriod(parsing: row.string(6)) else {
            throw StoreCorruption("secure message \(id) holds an invalid value")
        }
        return SecureMessageRecord(id: row.string(0), thread: row.string(1), from: row.string(2), to: row.string(3), tin: tin,
                                   form: row.string(5), period: period, subject: row.string(7), body: "", createdAt: row.string(8))
    }
}
