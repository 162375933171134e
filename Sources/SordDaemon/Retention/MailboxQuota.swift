import GRDB
import SordStore

/// How full a mailbox is, for the `max_files` limit (TDS-109): files committed for the user and not
/// deleted, including those still in the outbox, since they are about to land.
public enum MailboxQuota {
    /// The number of live files of `user`, counted no further than `limit`: the rule only needs to
    /// know whether the limit is reached, and a bounded count keeps a huge mailbox cheap.
    public static func liveFiles(_ db: Database, user: String, upTo limit: Int) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM (SELECT 1 FROM mailboxFiles WHERE userId = ? AND deletedAt IS NULL LIMIT ?)
            """, arguments: [user, limit]) ?? 0
    }
}
