import Foundation
import SordCore
import SordSpool
import SordStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A condition that stops the daemon from working for now, though nothing is wrong with any
/// submission: it waits, retries with back-off, and tells the operator (log, `/readyz`, metrics,
/// `sord status`) until the condition clears.
public enum Trouble: String, Sendable, CaseIterable {
    /// Another writer holds the database (an import, a long transaction).
    case databaseBusy = "database-busy"
    /// The disk holding the database or the spool is full.
    case diskFull = "disk-full"
    /// The database cannot be reached or reports an I/O error.
    case databaseUnavailable = "database-unavailable"
    /// The process is out of file descriptors.
    case fileDescriptors = "out-of-file-descriptors"
    /// The spool's file system reports an I/O error or is read-only.
    case storage = "storage-error"
    /// Anything else the loop did not expect (a bug): logged with the error, retried with back-off.
    case internalError = "internal-error"

    /// The trouble an error means, or nil when it is not a condition to wait out (a bug, a bad
    /// record: retrying will not help).
    static func of(_ error: any Error) -> Trouble? {
        if let spool = error as? SpoolError {
            switch spool.code {
            case ENOSPC, EDQUOT: return .diskFull
            case EMFILE, ENFILE: return .fileDescriptors
            case EIO, EROFS: return .storage
            default: return nil
            }
        }
        switch StoreFailure(error) {
        case .busy, .conflict: return .databaseBusy
        case .full: return .diskFull
        case .unavailable: return .databaseUnavailable
        case .duplicate, .other: return nil
        }
    }
}

/// The daemon's readiness (`/readyz`): ready once recovery finished and the listeners are up, and
/// not while a `Trouble` holds it up. Set by the daemon, read by the metrics listener, any thread.
public final class Health: Sendable {
    /// The trouble in force: what, since when, and the error that showed it (no document content).
    public struct Condition: Sendable, Equatable {
        public let trouble: Trouble
        public let since: Date
        public let detail: String
    }

    private let ready = Atomic<Bool>(false)
    private let condition = Mutex<Condition?>(nil)

    public init() {}

    /// Marks recovery finished and the listeners up.
    public func markReady() {
        ready.store(true, ordering: .releasing)
    }

    /// Records `trouble`; returns true when it is new (not the one already in force).
    @discardableResult
    public func report(_ trouble: Trouble, detail: String, at now: Date) -> Bool {
        condition.withLock { current in
            if current?.trouble == trouble { return false }
            current = Condition(trouble: trouble, since: now, detail: detail)
            return true
        }
    }

    /// Clears the trouble in force; returns it (nil when there was none).
    @discardableResult
    public func clear() -> Condition? {
        condition.withLock { current in
            defer { current = nil }
            return current
        }
    }

    /// The trouble in force, if any.
    public var current: Condition? { condition.withLock { $0 } }

    /// The `/readyz` answer: ready, or why not.
    public var readiness: (ready: Bool, text: String) {
        if let current { return (false, "not ready: \(current.trouble.rawValue) since \(Timestamp.iso(current.since)): \(current.detail)\n") }
        guard ready.load(ordering: .acquiring) else { return (false, "not ready: starting up\n") }
        return (true, "ready\n")
    }
}
