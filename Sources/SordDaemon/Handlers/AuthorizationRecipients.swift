import SordCore
import SordStore

/// The sord users an authorization decision concerns (the queries are `UserRecord`'s).
enum AuthorizationRecipients {
    /// A user's linked CAF number, when it has a valid one.
    static func linkedCAF(of user: UserRecord) -> CAFNumber? {
        user.caf.flatMap { try? CAFNumber(parsing: $0) }
    }
}
