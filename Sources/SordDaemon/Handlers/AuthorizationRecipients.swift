import GRDB
import SordCore
import SordStore

/// The sord users an authorization decision concerns: practitioners by linked CAF number or PTIN,
/// taxpayers by TIN. Only active users; ordered by id.
enum AuthorizationRecipients {
    /// Practitioners whose linked CAF number is `caf` (suffix letter ignored).
    static func practitioners(linkedTo caf: CAFNumber, db: Database) throws -> [UserID] {
        let digits = String(caf.description.prefix(10))  // NNNN-NNNNN, without the suffix letter
        return try String.fetchAll(db, sql: """
            SELECT id FROM users WHERE substr(caf, 1, 10) = ? AND kind = 'practitioner' AND state = 'active' ORDER BY id
            """, arguments: [digits]).compactMap(UserID.init)
    }

    /// Practitioners whose PTIN is `ptin`.
    static func practitioners(ptin: PTIN, db: Database) throws -> [UserID] {
        try String.fetchAll(db, sql: """
            SELECT id FROM users WHERE ptin = ? AND kind = 'practitioner' AND state = 'active' ORDER BY id
            """, arguments: [ptin.description]).compactMap(UserID.init)
    }

    /// The taxpayer user with this TIN (the first by id when several share it).
    static func taxpayer(tin: TIN, db: Database) throws -> UserID? {
        try String.fetchOne(db, sql: """
            SELECT id FROM users WHERE tin = ? AND kind = 'taxpayer' AND state = 'active' ORDER BY id LIMIT 1
            """, arguments: [tin.description]).flatMap(UserID.init)
    }

    /// A user's linked CAF number, when it has a valid one.
    static func linkedCAF(of user: UserRecord) -> CAFNumber? {
        user.caf.flatMap { try? CAFNumber(parsing: $0) }
    }
}
