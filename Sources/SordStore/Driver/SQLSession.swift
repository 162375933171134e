/// The SQL both stores speak differs in a few places; a session names its dialect so the store's
/// queries, written once, can fill those places in (`SQLDialect.forUpdate`, DDL types).
public enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The row-lock clause of a `SELECT` whose rows the transaction will change: nothing in SQLite
    /// (one writer at a time already), `FOR UPDATE` in PostgreSQL.
    public var forUpdate: String {
        self == .postgres ? " FOR UPDATE" : ""
    }

    /// Like `forUpdate`, but rows another transaction holds are skipped instead of waited for
    /// (work queues shared by several nodes).
    public var forUpdateSkipLocked: String {
        self == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
    }
}

/// An open connection inside a transaction: the one seam every store query is written against.
/// Statements use `?` placeholders, bound in order; SQL is the subset SQLite 3.40 and PostgreSQL 15
/// share (`INSERT … ON CONFLICT`, `RETURNING`, `LIMIT`, savepoints).
public protocol SQLSession: AnyObject {
    /// Which store this is.
    var dialect: SQLDialect { get }

    /// Runs a statement; returns how many rows it inserted, changed or deleted.
    @discardableResult
    func execute(_ sql: String, bindings: [SQLValue]) throws -> Int

    /// Runs a query; returns every row.
    func query(_ sql: String, bindings: [SQLValue]) throws -> [SQLRow]

    /// Runs several statements without parameters (schema changes).
    func executeScript(_ sql: String) throws

    /// The columns of `table`, in their order (for copying a store to another).
    func columns(of table: String) throws -> [String]

    /// Holds `lock` until the transaction ends, so writers that take the same lock run one after
    /// another across processes and nodes (PostgreSQL advisory lock; SQLite writers are serialised
    /// already, so there it does nothing).
    func lock(_ lock: StoreLock) throws
}

/// The transaction-scoped locks sord takes: each serialises one kind of work across nodes.
public enum StoreLock: Int64, Sendable {
    /// Schema migrations.
    case schema = 7_301
    /// Deciding submissions and posting scheduled work: whole transactions that read and change CAF
    /// and account state, one at a time across nodes. Taken first; the audit chain's head row is
    /// locked only by the appends at the end, so other writers (deliveries, downloads) wait for the
    /// head only that long.
    case decision = 7_304
}

extension SQLSession {
    /// Runs a statement with Swift values bound in order.
    @discardableResult
    public func execute(_ sql: String, _ binds: any SQLBindable...) throws -> Int {
        try execute(sql, bindings: binds.map(\.sqlValue))
    }

    /// Runs a query with Swift values bound in order.
    public func query(_ sql: String, _ binds: any SQLBindable...) throws -> [SQLRow] {
        try query(sql, bindings: binds.map(\.sqlValue))
    }

    /// The first row of a query, or nil.
    public func queryOne(_ sql: String, _ binds: any SQLBindable...) throws -> SQLRow? {
        try query(sql, bindings: binds.map(\.sqlValue)).first
    }

    /// The first column of the first row as an integer (0 when there is no row): counts.
    public func count(_ sql: String, _ binds: any SQLBindable...) throws -> Int {
        try query(sql, bindings: binds.map(\.sqlValue)).first?.int(0) ?? 0
    }

    /// Inserts `rows` (values in `columns` order) into `table` with multi-row statements of up to
    /// 200 rows; `conflict` (e.g. `ON CONFLICT DO NOTHING`) ends each statement.
    public func insert(_ rows: [[SQLValue]], into table: String, columns: [String], conflict: String = "") throws {
        let placeholders = placeholderList(columns.count)
        for group in statementGroups(rows) {
            try execute("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: placeholders, count: group.count).joined(separator: ", ") + " " + conflict,
                bindings: group.flatMap { $0 })
        }
    }

    /// `items` in groups of at most 200, one multi-row statement (or `IN` list) each.
    public func statementGroups<T>(_ items: [T]) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: 200).map { items[$0..<min($0 + 200, items.count)] }
    }

    /// `(?, ?, …)` with `count` placeholders: a row of values, or the list of an `IN`.
    public func placeholderList(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
    }

    /// Runs `body` inside a savepoint: its changes are kept when it returns and undone when it throws.
    public func savepoint<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT " + name, bindings: [])
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT " + name, bindings: [])
            return result
        } catch {
            try execute("ROLLBACK TO SAVEPOINT " + name, bindings: [])
            try execute("RELEASE SAVEPOINT " + name, bindings: [])
            throw error
        }
    }
}
