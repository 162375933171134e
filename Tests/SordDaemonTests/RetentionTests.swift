import Foundation
import Testing
@testable import SordDaemon
import SordCore
import SordSpool
import SordStore

/// The retention sweep on a temporary spool and a real SQLite database, with a fixed `now` (never
/// today's date).
@Suite("Retention sweep")
struct RetentionTests {
    /// 2030-03-17T17:46:40Z.
    static let now = Date(timeIntervalSince1970: 1_900_000_000)
    static let day: TimeInterval = 86_400

    /// A temporary spool with its database, and one user's mailbox folders.
    struct Spool {
        let layout: SpoolLayout
        let database: SordDatabase
        let user = UserID("dana.oak")!
        let ids = IDSource(clock: { RetentionTests.now.addingTimeInterval(-90 * RetentionTests.day) })

        init() throws {
            let root = NSTemporaryDirectory() + "sord-retention-\(UUID().uuidString)"
            layout = SpoolLayout(root: root)
            try layout.createUserFolders(user)
            database = try SordDatabase(path: layout.state + "/sord.sqlite")
        }

        /// A mailbox row (and, unless `onDisk` is nil, its file in `new/` or `cur/`).
        @discardableResult
        func file(expires: Date, delivered: Bool = true, deleted: Bool = false, onDisk folder: String? = "new") throws -> MailboxFileRecord {
            let name = MailboxFileName(id: ids.next(), kind: .ack, format: .json)
            var row = MailboxFileRecord(id: name.id.rawValue, userId: user.rawValue, kind: "ack", format: "json",
                                        submissionId: ids.next().rawValue, size: 3, sha256: String(repeating: "0", count: 64),
                                        sealed: delivered ? nil : Data([1, 2, 3]), createdAt: Timestamp.iso(expires.addingTimeInterval(-60 * RetentionTests.day)),
                                        expiresAt: Timestamp.iso(expires))
            if delivered { row.deliveredAt = row.createdAt }
            if deleted { row.deletedAt = Timestamp.iso(RetentionTests.now.addingTimeInterval(-RetentionTests.day)) }
            try database.write { db in try MailboxFileRecord.insert([row], in: db) }
            if let folder {
                try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path(row, folder)))
            }
            return row
        }

        func path(_ row: MailboxFileRecord, _ folder: String) -> String {
            layout.mailbox(user) + "/" + folder + "/" + row.name
        }

        func exists(_ row: MailboxFileRecord) -> Bool {
            ["new", "cur"].contains { FileManager.default.fileExists(atPath: path(row, $0)) }
        }

        func stored(_ row: MailboxFileRecord) throws -> MailboxFileRecord? {
            try database.read { db in
                try db.queryOne("SELECT deletedAt FROM mailboxFiles WHERE id = ?", row.id).map { stored in
                    var copy = row
                    copy.deletedAt = stored.optionalString(0)
                    return copy
                }
            }
        }

        func audit(_ action: String) throws -> [AuditLog.Entry] {
            try database.read { db in try AuditLog.entries(after: 0, limit: 1_000_000, in: db).filter { $0.action == action } }
        }
    }

    @Test("Expired mailbox files are removed, marked deleted and audited; nothing else is touched")
    func mailboxExpiry() throws {
        let spool = try Spool()
        let now = Self.now
        let expiredNew = try spool.file(expires: now.addingTimeInterval(-Self.day))
        let expiredCur = try spool.file(expires: now.addingTimeInterval(-1), onDisk: "cur")
        let expiringNow = try spool.file(expires: now)
        let fileAlreadyGone = try spool.file(expires: now.addingTimeInterval(-Self.day), onDisk: nil)
        let current = try spool.file(expires: now.addingTimeInterval(1))
        let undelivered = try spool.file(expires: now.addingTimeInterval(-Self.day), delivered: false, onDisk: nil)
        let userDeleted = try spool.file(expires: now.addingTimeInterval(-Self.day), deleted: true, onDisk: nil)

        let sweep = RetentionSweep(layout: spool.layout, database: spool.database)
        let result = try sweep.run(now: now, archiveDays: 30)
        #expect(result == RetentionSweep.Result(mailboxFiles: 4, archiveFiles: 0))

        for row in [expiredNew, expiredCur, expiringNow, fileAlreadyGone] {
            #expect(!spool.exists(row))
            #expect(try spool.stored(row)?.deletedAt == Timestamp.iso(now))
        }
        #expect(spool.exists(current))
        #expect(try spool.stored(current)?.deletedAt == nil)
        #expect(try spool.stored(undelivered)?.deletedAt == nil, "the outbox delivers a file before it can expire")
        #expect(try spool.stored(userDeleted)?.deletedAt == userDeleted.deletedAt)

        let audited = try spool.audit("mailbox.expired")
        #expect(Set(audited.map(\.subject)) == Set([expiredNew, expiredCur, expiringNow, fileAlreadyGone].map(\.id)))
        #expect(audited.allSatisfy { $0.actor == "sord" && $0.at == Timestamp.iso(now) })
        #expect(try spool.database.read { db in try AuditLog.verify(db) } == .intact(entries: 4))

        // A second sweep at the same instant finds nothing; a day later the current file goes too.
        #expect(try sweep.run(now: now, archiveDays: 30) == RetentionSweep.Result())
        #expect(try spool.audit("mailbox.expired").count == 4)
        #expect(try sweep.run(now: now.addingTimeInterval(Self.day), archiveDays: 30).mailboxFiles == 1)
        #expect(!spool.exists(current))
    }

    @Test("A backlog larger than one chunk is swept completely")
    func chunks() throws {
        let spool = try Spool()
        let rows = try (0..<7).map { _ in try spool.file(expires: Self.now.addingTimeInterval(-Self.day)) }
        let result = try RetentionSweep(layout: spool.layout, database: spool.database, chunk: 2).run(now: Self.now, archiveDays: 30)
        #expect(result.mailboxFiles == 7)
        #expect(rows.allSatisfy { !spool.exists($0) })
    }

    @Test("Archive days older than archive_days are deleted and audited", arguments: [
        (30, ["2030-03-17", "2030-03-16", "2030-02-15"]),
        (1, ["2030-03-17", "2030-03-16"]),
        (0, ["2030-03-17"]),
        (400, ["2030-03-17", "2030-03-16", "2030-02-15", "2030-02-14", "2029-12-31"]),
    ])
    func archiveExpiry(archiveDays: Int, kept: [String]) throws {
        let spool = try Spool()
        let days = ["2030-03-17", "2030-03-16", "2030-02-15", "2030-02-14", "2029-12-31"]
        for day in days {
            for name in ["01M8Q0000000000000000000A1~dana.oak", "01M8Q0000000000000000000B2~dana.oak"] {
                let folder = spool.layout.archive(day: day) + "/" + name
                try Durable.makeDirectory(folder)
                try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/request.json"))
            }
        }
        let result = try RetentionSweep(layout: spool.layout, database: spool.database).run(now: Self.now, archiveDays: archiveDays)
        let remaining = try FileManager.default.contentsOfDirectory(atPath: spool.layout.archiveRoot).sorted()
        #expect(remaining == kept.sorted())
        #expect(result.archiveFiles == 2 * (days.count - kept.count))
        let audited = try spool.audit("archive.expired")
        // One entry per deleted day, naming it and its inputs.
        #expect(audited.map(\.subject) == days.filter { !kept.contains($0) }.sorted())
        let before = RetentionSweep.oldestArchiveDayKept(now: Self.now, archiveDays: archiveDays)
        #expect(audited.allSatisfy { $0.detail == #"{"before":"\#(before)","files":"2"}"# })
    }

    @Test("The quota counts live files, including those still in the outbox")
    func quota() throws {
        let spool = try Spool()
        let first = try spool.file(expires: Self.now)
        try spool.file(expires: Self.now, delivered: false, onDisk: nil)
        try spool.file(expires: Self.now, deleted: true, onDisk: nil)
        let count = try spool.database.read { db in try MailboxFileRecord.liveCount(user: "dana.oak", in: db) }
        #expect(count == 2)
        // Marking a file deleted (as the API, the CLI and the sweep do) lowers the count.
        try spool.database.write { db in
            try MailboxFileRecord.markDeleted(first.id, at: Timestamp.iso(Self.now), in: db)
        }
        #expect(try spool.database.read { db in try MailboxFileRecord.liveCount(user: "dana.oak", in: db) } == 1)
        #expect(try spool.database.read { db in try MailboxFileRecord.liveCount(user: "erin.ash", in: db) } == 0)
    }
}
