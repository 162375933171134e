import SordCore

/// The store's queries about payments made through sord (`payments`). The bank account is kept
/// whole, since the payment debits it on its date; it leaves the store only masked.
extension PaymentRecord {
    static let columns = """
        id, confirmationNumber, requester, tin, form, period, reason, amount, date, routingNumber, accountNumber, accountType, status
        """

    init(_ row: SQLRow) throws {
        guard let tin = try? TIN(parsing: row.string(3)), let period = try? TaxPeriod(parsing: row.string(5)),
              let reason = PaymentReason(rawValue: row.string(6)), let amount = Money(row.string(7)),
              let date = try? Day(parsing: row.string(8)), let status = Status(rawValue: row.string(12)),
              let account = BankAccount(BankAccountEntry(routingNumber: row.string(9), accountNumber: row.string(10),
                                                          accountType: row.string(11)))
        else { throw StoreCorruption("payment \(row.string(0)) holds an invalid value") }
        self.init(id: row.string(0), confirmationNumber: row.string(1), requester: row.string(2), tin: tin, form: row.string(4),
                  period: period, reason: reason, amount: amount, date: date, bankAccount: account, status: status)
    }

    /// The next payment sequence number (the source of the confirmation number): one more than any
    /// so far, inside the caller's write transaction, so it is unique across nodes.
    public static func nextSequence(in db: any SQLSession) throws -> Int {
        try db.count("SELECT COALESCE(MAX(sequence), 0) + 1 FROM payments")
    }

    /// Stores this payment, numbered `sequence`, made at `createdAt`.
    public func insert(sequence: Int, createdAt: String, in db: any SQLSession) throws {
        try db.execute("""
            INSERT INTO payments (\(Self.columns), sequence, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, id, confirmationNumber, requester, tin.description, form, period.description, reason.rawValue,
            amount.description, date.description, bankAccount.routingNumber.description, bankAccount.accountNumber,
            bankAccount.accountType.rawValue, status.rawValue, sequence, createdAt)
    }

    /// The payment `id`, or nil.
    public static func find(_ id: String, in db: any SQLSession) throws -> PaymentRecord? {
        try db.queryOne("SELECT \(columns) FROM payments WHERE id = ?", id).map(PaymentRecord.init)
    }

    /// Payments for `tin` made at or after `since` and not cancelled (PAY-005).
    public static func count(tin: TIN, since: String, in db: any SQLSession) throws -> Int {
        try db.count("SELECT COUNT(*) FROM payments WHERE tin = ? AND createdAt >= ? AND status <> 'cancelled'", tin.description, since)
    }

    /// Payments for `tin` not yet posted (scheduled or cancelled), by date: an account summary's
    /// `scheduled` list.
    public static func unposted(tin: TIN, in db: any SQLSession) throws -> [PaymentRecord] {
        try db.query("SELECT \(columns) FROM payments WHERE tin = ? AND status <> 'processed' ORDER BY date, id",
                     tin.description).map(PaymentRecord.init)
    }

    /// Scheduled payments due on or before `day`, in date order (the scheduler posts them).
    public static func due(through day: Day, in db: any SQLSession) throws -> [PaymentRecord] {
        try db.query("SELECT \(columns) FROM payments WHERE status = 'scheduled' AND date <= ? ORDER BY date, id",
                     day.description).map(PaymentRecord.init)
    }

    /// Moves the payment `id` from `scheduled` to `status`; false when it was no longer scheduled
    /// (posted or cancelled already: a repeat finds it done).
    public static func settle(_ id: String, as status: Status, in db: any SQLSession) throws -> Bool {
        try db.execute("UPDATE payments SET status = ? WHERE id = ? AND status = 'scheduled'", status.rawValue, id) > 0
    }
}
