import SordCore
import SordStore

/// Loads what `AuthorizationRules` needs from the reference data and the users, inside the
/// handler's transaction.
enum AuthorizationFactLoading {
    static func facts(for document: AuthorizationDocument, user: UserRecord, db: any SQLSession) throws -> AuthorizationFacts {
        let reference = ReferenceData(db)
        var facts = AuthorizationFacts(submitterCAF: AuthorizationRecipients.linkedCAF(of: user),
                                       submitterPTIN: user.ptin.flatMap { try? PTIN(parsing: $0) })
        if let tin = try? TIN(parsing: document.taxpayer.tin) {
            facts.entity = try reference.entity(tin: tin)
            if document.channel == .taxProAccount {
                facts.taxpayerUser = try UserRecord.taxpayer(tin: tin, in: db)?.rawValue
            }
        }
        for representative in document.representatives {
            guard let caf = try? CAFNumber(parsing: representative.caf) else { continue }
            facts.representatives[caf.number] = try reference.representative(caf: caf)
        }
        if document.channel == .taxProAccount, let caf = facts.submitterCAF {
            facts.submitterRepresentative = try reference.representative(caf: caf)
            if let tin = try? TIN(parsing: user.tin) {
                facts.submitterMasterFileName = try reference.entity(tin: tin)?.name
            }
        }
        return facts
    }
}
