import SordCore

/// The store's queries about payment plans set up through sord (`payment_plans`).
extension PaymentPlanRecord {
    static let columns = """
        id, requester, tin, kind, monthlyPayment, dueDay, payBy, routingNumber, accountNumber, accountType, periods, status, \
        establishedOn, fee, scheduleStart, lastDebitOn
        """

    init(_ row: SQLRow) throws {
        func corrupt() -> StoreCorruption { StoreCorruption("payment plan \(row.string(0)) holds an invalid value") }
        guard let tin = try? TIN(parsing: row.string(2)), let status = Status(rawValue: row.string(11)),
              let established = try? Day(parsing: row.string(12)), let fee = Money(row.string(13)),
              let start = try? Day(parsing: row.string(14))
        else { throw corrupt() }
        let account = row.optionalString(7).flatMap { routing in
            BankAccount(BankAccountEntry(routingNumber: routing, accountNumber: row.string(8), accountType: row.string(9)))
        }
        let terms: PaymentPlanTerms
        switch PaymentPlanKind(rawValue: row.string(3)) {
        case .longTerm?:
            guard let monthly = row.optionalString(4).flatMap(Money.init), let dueDay = row.optionalInt(5) else { throw corrupt() }
            terms = .longTerm(monthlyPayment: monthly, dueDay: dueDay, directDebit: account)
        case .shortTerm?:
            guard let payBy = row.optionalString(6).flatMap({ try? Day(parsing: $0) }) else { throw corrupt() }
            terms = .shortTerm(payBy: payBy)
        case nil:
            throw corrupt()
        }
        let periods = try row.string(10).split(separator: ",").map { text -> TaxPeriod in
            guard let period = try? TaxPeriod(parsing: String(text)) else { throw corrupt() }
            return period
        }
        self.init(id: row.string(0), requester: row.string(1), tin: tin, terms: terms, periods: periods, status: status,
                  establishedOn: established, fee: fee, scheduleStart: start,
                  lastDebitOn: row.optionalString(15).flatMap { try? Day(parsing: $0) })
    }

    private var values: [SQLValue] {
        var monthly: String?, dueDay: Int?, payBy: String?
        switch terms {
        case .longTerm(let payment, let day, _): (monthly, dueDay) = (payment.description, day)
        case .shortTerm(let day): payBy = day.description
        }
        let account = terms.directDebit
        return [id.sqlValue, requester.sqlValue, tin.description.sqlValue, terms.kind.rawValue.sqlValue, monthly.sqlValue,
                dueDay.sqlValue, payBy.sqlValue, account?.routingNumber.description.sqlValue ?? .null,
                account?.accountNumber.sqlValue ?? .null, account?.accountType.rawValue.sqlValue ?? .null,
                periods.map(\.description).joined(separator: ",").sqlValue, status.rawValue.sqlValue,
                establishedOn.description.sqlValue, fee.description.sqlValue, scheduleStart.description.sqlValue,
                lastDebitOn?.description.sqlValue ?? .null]
    }

    /// Stores a new plan.
    public func insert(in db: any SQLSession) throws {
        try db.execute("INSERT INTO payment_plans (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       bindings: values)
    }

    /// Stores this plan's changed terms, periods, status and debit days.
    public func update(in db: any SQLSession) throws {
        try db.execute("""
            UPDATE payment_plans SET requester = ?, tin = ?, kind = ?, monthlyPayment = ?, dueDay = ?, payBy = ?, routingNumber = ?,
                accountNumber = ?, accountType = ?, periods = ?, status = ?, establishedOn = ?, fee = ?, scheduleStart = ?,
                lastDebitOn = ? WHERE id = ?
            """, bindings: Array(values.dropFirst()) + [id.sqlValue])
    }

    /// Records the direct debit of `day`; false when a debit of that day or later is recorded
    /// already (a repeat finds it done).
    public static func recordDebit(_ id: String, on day: Day, in db: any SQLSession) throws -> Bool {
        try db.execute("""
            UPDATE payment_plans SET lastDebitOn = ? WHERE id = ? AND status = 'active' AND (lastDebitOn IS NULL OR lastDebitOn < ?)
            """, day.description, id, day.description) > 0
    }

    /// The plan `id`, or nil.
    public static func find(_ id: String, in db: any SQLSession) throws -> PaymentPlanRecord? {
        try db.queryOne("SELECT \(columns) FROM payment_plans WHERE id = ?", id).map(PaymentPlanRecord.init)
    }

    /// Every plan of `tin`, newest first.
    public static func all(tin: TIN, in db: any SQLSession) throws -> [PaymentPlanRecord] {
        try db.query("SELECT \(columns) FROM payment_plans WHERE tin = ? ORDER BY establishedOn DESC, id DESC", tin.description)
            .map(PaymentPlanRecord.init)
    }

    /// The active plan of `tin`, if any (PLAN-008).
    public static func active(tin: TIN, in db: any SQLSession) throws -> PaymentPlanRecord? {
        try db.queryOne("SELECT \(columns) FROM payment_plans WHERE tin = ? AND status = 'active' ORDER BY id LIMIT 1",
                        tin.description).map(PaymentPlanRecord.init)
    }

    /// Active long-term plans paid by direct debit (the scheduler's debits).
    public static func directDebited(in db: any SQLSession) throws -> [PaymentPlanRecord] {
        try db.query("""
            SELECT \(columns) FROM payment_plans WHERE status = 'active' AND kind = 'long-term' AND routingNumber IS NOT NULL ORDER BY id
            """).map(PaymentPlanRecord.init)
    }
}
