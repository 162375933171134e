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

/// A GRDB connection as a store session. Statements are prepared once per connection and reused.
final class SQLiteSession: SQLSession {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, bindings: [SQLValue]) throws -> Int {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(bindings))
        return db.changesCount
    }

    func query(_ sql: String, bindings: [SQLValue]) throws -> [SQLRow] {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(bindings))
        var rows: [SQLRow] = []
        while let row = try cursor.next() {
            rows.append(SQLRow((0..<row.count).map { Self.value(row[$0] as DatabaseValue) }))
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

    private static func arguments(_ bindings: [SQLValue]) -> StatementArguments {
        StatementArguments(bindings.map { value -> DatabaseValue in
            switch value {
            case .null: .null
            case .int(let number): number.databaseValue
            case .text(let text): text.databaseValue
            case .blob(let bytes): Data(bytes).databaseValue
            }
        })
    }

    private static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .int(number)
        case .double(let number): .text(String(number))
        case .string(let text): .text(text)
        case .blob(let data): .blob([UInt8](data))
        }
    }
}
