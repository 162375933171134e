import Foundation
import SordCore
import SordSpool
import SordStore

/// One entry of a mailbox listing, as `GET /v1/mailbox` and `sord mailbox list --json` print it.
public struct MailboxEntry: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let kind: String
    public let size: Int
    public let sha256: String
    public let createdAt: String
    public let expiresAt: String
    public let downloadedAt: String?

    init(_ row: MailboxFileRecord) {
        id = row.id
        name = row.name
        kind = row.kind
        size = row.size
        sha256 = row.sha256
        createdAt = row.createdAt
        expiresAt = row.expiresAt
        downloadedAt = row.downloadedAt
    }
}

/// The listing object: `{"files":[...]}`.
public struct MailboxListing: Codable, Sendable, Equatable {
    public let files: [MailboxEntry]
}

/// A user's view of their own SOR mailbox: list, fetch, delete. Every look-up is keyed by the user
/// as well as the file id, so one user can never reach another's file (it is simply not found).
public struct MailboxAccess: Sendable {
    let database: SordDatabase
    let writer: MailboxWriter
    let clock: @Sendable () -> Date

    public init(database: SordDatabase, layout: SpoolLayout, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.writer = MailboxWriter(layout: layout)
        self.clock = clock
    }

    /// Delivered, not deleted files, newest first; `onlyNew` keeps those not yet downloaded.
    public func list(user: UserID, onlyNew: Bool = false) throws -> MailboxListing {
        let rows = try database.read { db in try MailboxFileRecord.listing(user: user.rawValue, onlyNew: onlyNew, in: db) }
        return MailboxListing(files: rows.map(MailboxEntry.init))
    }

    /// The file's record and sealed bytes, or nil when this user has no such file.
    public func entry(user: UserID, id: String) throws -> MailboxEntry? {
        try record(user: user, id: id).map(MailboxEntry.init)
    }

    /// Reads the sealed bytes of one of the user's files and marks it downloaded (new/ → cur/).
    public func fetch(user: UserID, id: String, actor: String) throws -> (MailboxEntry, Data)? {
        guard let row = try record(user: user, id: id), let name = MailboxFileName(row.name),
              let path = writer.path(user: user, name: name) else { return nil }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try writer.markDownloaded(user: user, name: name)
        let now = Timestamp.iso(clock())
        try database.write { db in
            try MailboxFileRecord.markDownloaded(row.id, at: now, in: db)
            try AuditLog.append(db, at: now, actor: actor, action: "mailbox.downloaded", subject: row.id, detail: ["user": user.rawValue])
        }
        return (MailboxEntry(row), bytes)
    }

    /// Reads the sealed bytes without marking the file downloaded: for a Range request that stops
    /// before the last byte (a resumed download is complete only when it reaches the end). Audited as
    /// `mailbox.read-partial` with the range.
    public func readPartial(user: UserID, id: String, actor: String, range: ClosedRange<Int>) throws -> (MailboxEntry, Data)? {
        guard let row = try record(user: user, id: id), let name = MailboxFileName(row.name),
              let path = writer.path(user: user, name: name) else { return nil }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try database.write { db in
            try AuditLog.append(db, at: Timestamp.iso(clock()), actor: actor, action: "mailbox.read-partial", subject: row.id,
                                detail: ["user": user.rawValue, "range": "\(range.lowerBound)-\(range.upperBound)"])
        }
        return (MailboxEntry(row), bytes)
    }

    /// Deletes one of the user's files; false when there is no such file.
    public func delete(user: UserID, id: String, actor: String) throws -> Bool {
        guard let row = try record(user: user, id: id), let name = MailboxFileName(row.name) else { return false }
        let now = Timestamp.iso(clock())
        // Journal first: a crash between the two leaves a file nobody lists, which the retention
        // sweep removes; never a listed file that is gone.
        try database.write { db in
            try MailboxFileRecord.markDeleted(row.id, at: now, in: db)
            try AuditLog.append(db, at: now, actor: actor, action: "mailbox.deleted", subject: row.id, detail: ["user": user.rawValue])
        }
        try writer.remove(user: user, name: name)
        return true
    }

    private func record(user: UserID, id: String) throws -> MailboxFileRecord? {
        guard SortableID(id) != nil else { return nil }
        return try database.read { db in try MailboxFileRecord.find(id, user: user.rawValue, in: db) }
    }
}
