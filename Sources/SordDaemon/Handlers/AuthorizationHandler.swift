import Foundation
import SordCore
import SordStore

/// `authorization` (SPEC 5.1): a Form 2848 or 8821, uploaded signed (recorded at once) or sent as a
/// Tax Pro Account request (pending until the taxpayer answers). The rules are
/// `AuthorizationRules`; this loads their facts and applies the verdict.
struct AuthorizationHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .authorization(let form) = document else { return .rejected([]) }
        let received = try Day(parsing: Timestamp.day(Timestamp.date(of: context.submission)))
        let facts = try AuthorizationFactLoading.facts(for: form, user: context.user, db: context.db)
        switch AuthorizationRules.evaluate(form, facts: facts, on: received) {
        case .rejected(let problems):
            return .rejected(problems)
        case .valid(let valid):
            switch valid.channel {
            case .upload:
                return try AuthorizationUpload(context: context).record(valid)
            case .taxProAccount:
                guard let taxpayer = facts.taxpayerUser.flatMap(UserID.init) else { throw AuthorizationHandlerError.noTaxpayerUser }
                return try AuthorizationTaxProAccountRequest(context: context).open(valid, taxpayer: taxpayer)
            }
        }
    }
}

/// States the authorization rules rule out; reaching one is a bug, and the submission is retried.
enum AuthorizationHandlerError: Error, CustomStringConvertible {
    case noTaxpayerUser
    case noFreeCAFNumber
    case requestWithoutCAFNumber
    case corruptRequest(String)

    var description: String {
        switch self {
        case .noTaxpayerUser: "a Tax Pro Account request passed without a taxpayer user"
        case .noFreeCAFNumber: "no unused CAF number was found"
        case .requestWithoutCAFNumber: "a Tax Pro Account request passed without a CAF number"
        case .corruptRequest(let id): "Tax Pro Account request \(id) holds an invalid value"
        }
    }
}
