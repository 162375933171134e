/// Copies a whole install from one store to another (`sord db copy`, SPEC 13): SQLite to
/// PostgreSQL to move past one machine, or back. The target must be freshly created (migrated, no
/// users, no audit entries); every table is copied row for row in key order, in one transaction on
/// the target, and the audit chain's head with it, so `sord audit verify` on the copy checks the
/// same chain. Import staging is not copied (it is transient); mailbox counts follow from the
/// copied files.
public enum StoreCopy {
    /// The tables copied, each with the columns that order it.
    static let tables: [(name: String, key: [String])] = [
        ("entity", ["tin"]), ("tax_module", ["tin", "form", "period"]), ("representative", ["caf"]),
        ("caf_authorization", ["id"]), ("caf_coverage", ["authorization_id", "tin", "caf", "form", "period"]),
        ("efile_user", ["efin", "user_id"]), ("users", ["id"]), ("submissions", ["id"]), ("mailboxFiles", ["id"]),
        ("audit", ["seq"]), ("tpaRequests", ["id"]), ("inbox_refusals", ["userId", "name", "inode"]), ("payments", ["id"]),
        ("payment_plans", ["id"]), ("secure_messages", ["id"]),
    ]

    /// Why a copy was refused.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Copies `source` into `target`; returns the rows copied per table.
    @discardableResult
    public static func copy(from source: SordDatabase, to target: SordDatabase, batch: Int = 1_000,
                            progress: (String, Int) -> Void = { _, _ in }) throws -> [String: Int] {
        try target.write { into in
            guard try into.count("SELECT COUNT(*) FROM users") == 0, try into.count("SELECT COUNT(*) FROM audit") == 0 else {
                throw Refusal(description: "the target store is not empty; copy into a freshly created one")
            }
            var copied: [String: Int] = [:]
            for (table, key) in tables {
                let columns = try source.read { try $0.columns(of: table) }
                var offset = 0
                while true {
                    let rows = try source.read { from in
                        try from.query("SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(key.joined(separator: ", ")) LIMIT ? OFFSET ?",
                                       batch, offset)
                    }
                    try into.insert(rows.map(\.values), into: table, columns: columns)
                    offset += rows.count
                    progress(table, offset)
                    if rows.count < batch { break }
                }
                copied[table] = offset
            }
            if let head = try source.read({ try $0.queryOne("SELECT seq, hash FROM audit_head WHERE id = 1") }) {
                try into.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", bindings: head.values)
            }
            return copied
        }
    }
}
