import Foundation
import GRDB
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#endif

/// The embedded store: one SQLite file in WAL mode through GRDB (many readers, one writer),
/// `synchronous = FULL`, immediate write transactions. The database files are mode 0600.
public final class SQLiteDriver: StoreDriver {
    /// The GRDB pool.
    let pool: DatabasePool

    public var dialect: SQLDialect { .sqlite }

    /// Opens (creating when missing) the database file at `path`; a writer busy for longer than
    /// `busyTimeout` seconds makes a write fail with `StoreFailure.busy`.
    public init(path: String, busyTimeout: TimeInterval = 10) throws {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // 32 MiB of page cache per connection: look-ups and the journal stay in memory.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // Keep the WAL and shared-memory files when the last connection closes, so a restart on a
            // full disk can still open the database (creating them would need space).
            var persist: CInt = 1
            _ = withUnsafeMutablePointer(to: &persist) { sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, $0) }
        }
        pool = try DatabasePool(path: path, configuration: config)
        // SQLite creates its files with the process umask (sord sets 077 at start); files made
        // under another umask are made private here (SPEC 3: every file 0600).
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.read { db in try body(SQLiteSession(db)) }
    }

    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.write { db in try body(SQLiteSession(db)) }
    }

    public func writeDeferringSync<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(SQLiteSession(db))
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` on the writer connection outside any transaction: for the importer, which
    /// manages its own transactions and page cache.
    public func writeWithoutTransaction<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in try body(SQLiteSession(db)) }
    }

    /// The failure a GRDB error means; nil for another error.
    static func failure(_ error: any Error) -> StoreFailure? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        case .SQLITE_FULL: return .full
        case .SQLITE_IOERR, .SQLITE_CANTOPEN: return .unavailable
        case .SQLITE_CONSTRAINT:
            return [.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY].contains(error.extendedResultCode) ? .duplicate : .other
        default: return .other
        }
    }

    public func close() {
        try? pool.close()
    }
}

/// A GRDB connection as a store session. Statements are prepared once per connection and reused
/// (GRDB's statement cache); they are bound and stepped through SQLite's own API and rows are read
/// by column index, so a look-up costs SQLite's work and little more.
final class SQLiteSession: SQLSession {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, bindings: [SQLValue]) throws -> Int {
        try run(sql, bindings) { _ in }
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    func query(_ sql: String, bindings: [SQLValue]) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try run(sql, bindings) { statement in
            let count = sqlite3_column_count(statement)
            var values: [SQLValue] = []
            values.reserveCapacity(Int(count))
            for column in 0..<count { values.append(Self.value(statement, column)) }
            rows.append(SQLRow(values))
        }
        return rows
    }

    func executeScript(_ sql: String) throws {
        try db.execute(sql: sql)
    }

    func lock(_ lock: StoreLock) throws {}

    func columns(of table: String) throws -> [String] {
        try query("SELECT name FROM pragma_table_info(?) ORDER BY cid", bindings: [.text(table)]).map { $0.string(0) }
    }

    /// Binds `bindings` to the cached statement for `sql`, steps it to the end calling `row` for each
    /// result row, and resets it; a failing step throws GRDB's `DatabaseError` (mapped to a
    /// `StoreFailure` by `SQLiteDriver.failure`).
    private func run(_ sql: String, _ bindings: [SQLValue], row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        for (index, value) in zip(CInt(1)..., bindings) {
            let code: CInt = switch value {
            case .null: sqlite3_bind_null(statement, index)
            case .int(let number): sqlite3_bind_int64(statement, index, number)
            case .text(let text): sqlite3_bind_text(statement, index, text, -1, Self.transient)
            case .blob(let bytes) where bytes.isEmpty: sqlite3_bind_zeroblob(statement, index, 0)
            case .blob(let bytes): bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, CInt($0.count), Self.transient) }
            }
            guard code == SQLITE_OK else { throw failure(code, sql) }
        }
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: try row(statement)
            case SQLITE_DONE: return
            case let code: throw failure(code, sql)
            }
        }
    }

    private func failure(_ code: CInt, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }

    /// SQLite copies bound text and blobs before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The value of result column `column` of the current row.
    private static func value(_ statement: OpaquePointer, _ column: CInt) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .text(String(sqlite3_column_double(statement, column)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let text = sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }
}
