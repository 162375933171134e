/// Inbox entries that could not be claimed (a folder another user owns, say), each answered once:
/// remembered by user, name and inode, so later rescans leave the entry alone without a second ack,
/// while a new file under the same name (another inode) is a new submission.
public enum InboxRefusal {
    /// Whether this entry was answered already.
    public static func exists(user: String, name: String, inode: UInt64, in db: any SQLSession) throws -> Bool {
        try db.count("SELECT COUNT(*) FROM inbox_refusals WHERE userId = ? AND name = ? AND inode = ?", user, name, Int64(bitPattern: inode)) > 0
    }

    /// Records that this entry was answered by `submission`.
    public static func insert(user: String, name: String, inode: UInt64, submission: String, at: String, in db: any SQLSession) throws {
        try db.execute("INSERT INTO inbox_refusals (userId, name, inode, submissionId, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                       user, name, Int64(bitPattern: inode), submission, at)
    }

    static let migration = Migration("inbox-refusals-v1", """
        CREATE TABLE inbox_refusals (userId TEXT NOT NULL, name TEXT NOT NULL, inode {int} NOT NULL, submissionId TEXT NOT NULL,
            at TEXT NOT NULL, PRIMARY KEY (userId, name, inode));
        """)
}
