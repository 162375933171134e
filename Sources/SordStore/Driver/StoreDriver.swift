/// A store: SQLite (embedded, the default) or PostgreSQL (several nodes), behind one small
/// protocol, as Hummingbird keeps `PersistDriver`. Every query of sord is written once, against
/// `SQLSession`; a driver only opens sessions and says how its failures look.
///
/// Calls block the calling thread until the database answers, so they belong on threads of their
/// own (the daemon's `BlockingWork`, a CLI command's main thread), never on Swift's cooperative pool.
public protocol StoreDriver: Sendable {
    /// Which store this is.
    var dialect: SQLDialect { get }

    /// Runs `body` in a read-only transaction: one consistent snapshot.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T

    /// Runs `body` in a write transaction, committed durably when `body` returns and rolled back
    /// when it throws.
    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T

    /// Like `write`, but the commit need not reach the disk before it returns: for bookkeeping
    /// that recovery redoes when it is lost (marking files delivered).
    func writeDeferringSync<T>(_ body: (any SQLSession) throws -> T) throws -> T

    /// Closes every connection.
    func close()
}

/// What a store failure means for the caller: whether waiting and trying again can help.
public enum StoreFailure: Sendable, Equatable {
    /// Another writer holds the database (SQLite busy, a lock timeout): wait and retry.
    case busy
    /// The disk or the database's space is full: wait for space and retry.
    case full
    /// The database cannot be reached (connection refused or lost, server shutting down): retry.
    case unavailable
    /// Two transactions conflicted (serialization failure, deadlock): retry at once.
    case conflict
    /// A unique key already exists: another node did this work first.
    case duplicate
    /// Anything else: a bug or corruption; retrying will not help.
    case other

    /// What kind of failure `error` is, whichever store threw it (also when opening one failed);
    /// `other` for an error that is not a store's.
    public init(_ error: any Error) {
        self = SQLiteDriver.failure(error) ?? PostgresDriver.failure(error) ?? .other
    }

    /// Whether the same work may succeed when tried again later.
    public var isTransient: Bool {
        switch self {
        case .busy, .full, .unavailable, .conflict: true
        case .duplicate, .other: false
        }
    }
}
