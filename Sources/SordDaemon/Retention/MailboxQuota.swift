import GRDB
import SordStore

/// How full a mailbox is, for the `max_files` limit (TDS-109): files committed for the user and not
/// deleted, including those still in the outbox, since they are about to land.
public enum MailboxQuota {
    /// The number of live files of `user`, from the count the database keeps with triggers.
    public static func liveFiles(_ db: Database, user: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT live FROM mailboxCounts WHERE userId = ?", arguments: [user]) ?? 0
    }
}
