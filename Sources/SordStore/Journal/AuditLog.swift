import Crypto
import Foundation
import GRDB
import SordCore

/// The append-only audit trail: every submission outcome, CAF change, delivery, download, deletion
/// and user change, each entry chained to the one before by SHA-256 so any edit is detectable.
/// Entries hold ids and codes, never a TIN, a name or document contents.
public enum AuditLog {
    /// The hash the first entry chains to.
    public static let genesis = String(repeating: "0", count: 64)

    /// One audit entry as stored.
    public struct Entry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
        public static let databaseTableName = "audit"
        public var seq: Int64?
        public var at: String
        public var actor: String
        public var action: String
        public var subject: String
        /// A small JSON object of ids and codes.
        public var detail: String
        public var prevHash: String
        public var hash: String
    }

    /// Appends an entry inside the caller's write transaction.
    public static func append(_ db: Database, at: String, actor: String, action: String, subject: String,
                              detail: [String: String] = [:]) throws {
        let prev = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1") ?? genesis
        let detailText = canonicalJSON(detail)
        let hash = chainHash(prev: prev, at: at, actor: actor, action: action, subject: subject, detail: detailText)
        var entry = Entry(seq: nil, at: at, actor: actor, action: action, subject: subject, detail: detailText,
                          prevHash: prev, hash: hash)
        try entry.insert(db)
    }

    /// Checks the whole chain; returns the sequence number of the first broken entry, or nil if intact.
    public static func firstBrokenLink(_ db: Database) throws -> Int64? {
        var prev = genesis
        let cursor = try Entry.order(Column("seq")).fetchCursor(db)
        while let entry = try cursor.next() {
            let expected = chainHash(prev: prev, at: entry.at, actor: entry.actor, action: entry.action,
                                     subject: entry.subject, detail: entry.detail)
            if entry.prevHash != prev || entry.hash != expected { return entry.seq }
            prev = entry.hash
        }
        return nil
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
}
