import Crypto
import Foundation
import SordCore

/// The append-only audit trail: every submission outcome, CAF change, delivery, download, deletion
/// and user change, each entry chained to the one before by SHA-256 so any edit is detectable.
/// Entries hold ids and codes, never a TIN, a name or document contents.
///
/// The chain's head (the last entry's number and hash) is kept in `audit_head`, written in the same
/// transaction as each entry: deleting entries from the end of `audit` leaves a head that points
/// past the log, which `verify` reports as a truncated chain. Appends lock the head row, so entries
/// from several nodes form one chain.
public enum AuditLog {
    /// The hash the first entry chains to.
    public static let genesis = String(repeating: "0", count: 64)

    /// One audit entry as stored.
    public struct Entry: Sendable, Equatable {
        public var seq: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var subject: String
        /// A small JSON object of ids and codes.
        public var detail: String
        public var prevHash: String
        public var hash: String

        static let columns = "seq, at, actor, action, subject, detail, prevHash, hash"

        init(_ row: SQLRow) {
            self.init(seq: Int64(row.int(0)), at: row.string(1), actor: row.string(2), action: row.string(3),
                      subject: row.string(4), detail: row.string(5), prevHash: row.string(6), hash: row.string(7))
        }

        init(seq: Int64, at: String, actor: String, action: String, subject: String, detail: String, prevHash: String, hash: String) {
            self.seq = seq
            self.at = at
            self.actor = actor
            self.action = action
            self.subject = subject
            self.detail = detail
            self.prevHash = prevHash
            self.hash = hash
        }
    }

    /// An entry to append later in the same transaction (a batch appends its decisions' entries
    /// at its end, holding the chain's head only then).
    public struct Pending: Sendable {
        public let at: String
        public let actor: String
        public let action: String
        public let subject: String
        public let detail: [String: String]

        public init(at: String, actor: String, action: String, subject: String, detail: [String: String] = [:]) {
            self.at = at
            self.actor = actor
            self.action = action
            self.subject = subject
            self.detail = detail
        }
    }

    /// Appends `entries`, in order, inside the caller's write transaction.
    public static func append(_ db: any SQLSession, _ entries: [Pending]) throws {
        for entry in entries {
            try append(db, at: entry.at, actor: entry.actor, action: entry.action, subject: entry.subject, detail: entry.detail)
        }
    }

    /// Appends an entry inside the caller's write transaction.
    public static func append(_ db: any SQLSession, at: String, actor: String, action: String, subject: String,
                              detail: [String: String] = [:]) throws {
        guard let head = try db.queryOne("SELECT seq, hash FROM audit_head WHERE id = 1" + db.dialect.forUpdate) else {
            throw StoreCorruption("the audit chain has no head row")
        }
        let seq = Int64(head.int(0)) + 1, prev = head.string(1)
        let detailText = canonicalJSON(detail)
        let hash = chainHash(prev: prev, at: at, actor: actor, action: action, subject: subject, detail: detailText)
        try db.execute("INSERT INTO audit (\(Entry.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       seq, at, actor, action, subject, detailText, prev, hash)
        try db.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", seq, hash)
    }

    /// What `verify` found.
    public enum Verdict: Sendable, Equatable {
        /// Every entry chains to the one before, and the last one is the head.
        case intact(entries: Int)
        /// Entry `seq` was changed, or an entry before it was removed.
        case broken(seq: Int64)
        /// The log ends at `lastSeq` (0: empty) but the head records `headSeq`: entries were removed
        /// from the end (or the head row was changed).
        case truncated(lastSeq: Int64, headSeq: Int64)
    }

    /// Checks the whole chain and its head.
    public static func verify(_ db: any SQLSession, batch: Int = 10_000) throws -> Verdict {
        var prev = genesis
        var last: Int64 = 0
        var count = 0
        while true {
            let rows = try db.query("SELECT \(Entry.columns) FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", last, batch)
            for row in rows {
                let entry = Entry(row)
                let expected = chainHash(prev: entry.prevHash, at: entry.at, actor: entry.actor, action: entry.action,
                                         subject: entry.subject, detail: entry.detail)
                if entry.prevHash != prev || entry.hash != expected { return .broken(seq: entry.seq) }
                prev = entry.hash
                last = entry.seq
                count += 1
            }
            if rows.count < batch { break }
        }
        guard let head = try db.queryOne("SELECT seq, hash FROM audit_head WHERE id = 1"),
              Int64(head.int(0)) == last, head.string(1) == prev
        else {
            let headSeq = try db.queryOne("SELECT seq FROM audit_head WHERE id = 1").map { Int64($0.int(0)) } ?? -1
            return .truncated(lastSeq: last, headSeq: headSeq)
        }
        return .intact(entries: count)
    }

    /// The entry numbered `seq`, or nil.
    public static func entry(_ seq: Int64, in db: any SQLSession) throws -> Entry? {
        try db.queryOne("SELECT \(Entry.columns) FROM audit WHERE seq = ?", seq).map(Entry.init)
    }

    /// Up to `limit` entries after `seq`, oldest first.
    public static func entries(after seq: Int64, limit: Int, in db: any SQLSession) throws -> [Entry] {
        try db.query("SELECT \(Entry.columns) FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", seq, limit).map(Entry.init)
    }

    static func chainHash(prev: String, at: String, actor: String, action: String, subject: String, detail: String) -> String {
        // Fields joined by a separator that cannot occur in them unescaped (JSON-encoded strings).
        let fields = [prev, at, actor, action, subject, detail].map(JSONStringLiteral.quote).joined(separator: "\n")
        return Hex.encode(SHA256.hash(data: Data(fields.utf8)))
    }

    /// The detail object as JSON with sorted keys: the same map always gives the same text.
    static func canonicalJSON(_ detail: [String: String]) -> String {
        "{" + detail.keys.sorted().map { JSONStringLiteral.quote($0) + ":" + JSONStringLiteral.quote(detail[$0]!) }.joined(separator: ",") + "}"
    }

    /// The head table, filled from the log as it stands (databases made before it existed).
    static let headMigration = Migration("audit-head-v1", """
        CREATE TABLE audit_head (id {int} PRIMARY KEY NOT NULL CHECK (id = 1), seq {int} NOT NULL, hash TEXT NOT NULL);
        INSERT INTO audit_head (id, seq, hash)
        SELECT 1, COALESCE(MAX(seq), 0), COALESCE((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '\(genesis)') FROM audit;
        """)
}
