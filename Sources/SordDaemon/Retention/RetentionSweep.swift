import Foundation
import SordCore
import SordSpool
import SordStore

/// Deletes what has outlived its retention (SPEC 3 and 7): delivered mailbox files whose `expiresAt`
/// has passed (file removed, row marked `deletedAt`, one `mailbox.expired` audit entry each) and archive
/// day folders older than `archive_days` (one `archive.expired` audit entry per day, written before
/// the day is deleted). A mailbox file is removed before its row is marked, so a crash in between
/// only makes the next sweep redo it.
public struct RetentionSweep: Sendable {
    /// What one sweep deleted.
    public struct Result: Sendable, Equatable {
        public var mailboxFiles = 0
        public var archiveFiles = 0

        public init(mailboxFiles: Int = 0, archiveFiles: Int = 0) {
            self.mailboxFiles = mailboxFiles
            self.archiveFiles = archiveFiles
        }
    }

    let layout: SpoolLayout
    let database: SordDatabase
    /// Rows handled per write transaction, so a large backlog never holds the writer for long.
    let chunk: Int

    public init(layout: SpoolLayout, database: SordDatabase, chunk: Int = 500) {
        self.layout = layout
        self.database = database
        self.chunk = max(1, chunk)
    }

    /// Runs one sweep as of `now`, keeping archive days not older than `archiveDays` days.
    public func run(now: Date, archiveDays: Int) throws -> Result {
        var result = Result()
        result.mailboxFiles = try expireMailboxFiles(now: now)
        result.archiveFiles = try expireArchive(now: now, archiveDays: archiveDays)
        return result
    }

    /// The first archive day kept: days sorting before it are deleted.
    public static func oldestArchiveDayKept(now: Date, archiveDays: Int) -> String {
        Timestamp.day(now.addingTimeInterval(-Double(archiveDays) * 86_400))
    }

    private func expireMailboxFiles(now: Date) throws -> Int {
        let at = Timestamp.iso(now)
        let writer = MailboxWriter(layout: layout)
        var deleted = 0
        while true {
            let rows = try database.read { db in try MailboxFileRecord.expired(at: at, limit: chunk, in: db) }
            guard !rows.isEmpty else { break }
            for row in rows {
                if let user = UserID(row.userId), let name = MailboxFileName(row.name) {
                    try writer.remove(user: user, name: name)
                }
            }
            try database.write { db in
                for row in rows {
                    // A user may have deleted it meanwhile; that deletion is already audited.
                    guard try MailboxFileRecord.markDeleted(row.id, at: at, in: db) else { continue }
                    try AuditLog.append(db, at: at, actor: "sord", action: "mailbox.expired", subject: row.id,
                                        detail: ["user": row.userId, "expiresAt": row.expiresAt])
                    deleted += 1
                }
            }
            if rows.count < chunk { break }
        }
        return deleted
    }

    /// Each expired archive day: its audit entry first, then the deletion, so a sweep killed in
    /// between has audited what it removes (the next sweep finishes the day and audits the rest).
    private func expireArchive(now: Date, archiveDays: Int) throws -> Int {
        let oldestKept = Self.oldestArchiveDayKept(now: now, archiveDays: archiveDays)
        let archiver = Archiver(layout: layout)
        let at = Timestamp.iso(now)
        var deleted = 0
        for (day, inputs) in try archiver.expiredDays(olderThan: oldestKept) {
            try database.write { db in
                try AuditLog.append(db, at: at, actor: "sord", action: "archive.expired", subject: day,
                                    detail: ["before": oldestKept, "files": String(inputs)])
            }
            deleted += try archiver.delete(day: day)
        }
        return deleted
    }
}
