import Foundation
import SordCore
import SordSpool
import SordStore

/// What `sord status` shows: where work is waiting, how submissions ended, and the latest errors
/// (ids and codes only).
public struct StatusReport: Codable, Sendable {
    public struct RecentError: Codable, Sendable {
        public let submission: String
        public let user: String
        public let processedAt: String
        public let codes: String
    }

    /// What the running daemon says of itself (`/readyz`): `ready`, why it is not, or that it
    /// does not answer.
    public let daemon: String
    /// Complete files waiting in inboxes.
    public let inboxFiles: Int
    /// Claimed files not yet finished.
    public let workFiles: Int
    /// Committed mailbox files not yet delivered.
    public let outbox: Int
    /// Submissions by outcome status.
    public let submissions: [String: Int]
    /// Mailbox files by kind (delivered, not deleted).
    public let mailboxFiles: [String: Int]
    /// Receipt time of the oldest waiting input, if any.
    public let oldestPending: String?
    public let lastErrors: [RecentError]

    /// Reads the spool folders and the journal.
    public static func gather(layout: SpoolLayout, database: SordDatabase, daemon: String) throws -> StatusReport {
        let scanner = InboxScanner(layout: layout)
        var inbox = 0
        var oldest: Date?
        for user in try scanner.userFolders() {
            for entry in (try? scanner.entries(of: user)) ?? [] {
                inbox += 1
                let mtime = Date(timeIntervalSince1970: Double(entry.modified) / 1_000_000_000)
                oldest = min(oldest ?? mtime, mtime)
            }
        }
        let work = try Claimer(layout: layout).pending()
        if let first = work.first { oldest = min(oldest ?? Timestamp.date(of: first.submission), Timestamp.date(of: first.submission)) }
        return try database.read { db in
            let errors = try SubmissionRecord.recentErrors(limit: 10, in: db).map {
                RecentError(submission: $0.id, user: $0.userId, processedAt: $0.processedAt, codes: $0.errorCodes)
            }
            return StatusReport(daemon: daemon, inboxFiles: inbox, workFiles: work.count, outbox: try MailboxFileRecord.outboxCount(in: db),
                                submissions: try SubmissionRecord.countsByStatus(in: db), mailboxFiles: try MailboxFileRecord.countsByKind(in: db),
                                oldestPending: oldest.map(Timestamp.iso), lastErrors: errors)
        }
    }

    /// The report as aligned text.
    public var text: String {
        var lines = [
            "daemon:                \(daemon)",
            "inbox files waiting:   \(inboxFiles)",
            "claimed, in progress:  \(workFiles)",
            "outbox (undelivered):  \(outbox)",
            "oldest pending:        \(oldestPending ?? "-")",
            "submissions:           " + submissions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
            "mailbox files:         " + mailboxFiles.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
        ]
        if !lastErrors.isEmpty {
            lines.append("last errors:")
            lines += lastErrors.map { "  \($0.processedAt)  \($0.submission)  \($0.user)  \($0.codes)" }
        }
        return lines.joined(separator: "\n")
    }
}
