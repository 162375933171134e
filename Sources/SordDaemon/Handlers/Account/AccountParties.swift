import Foundation
import SordCore
import SordStore

/// Who the account rules see and whom account notices reach, read inside the handler's
/// transaction: the requester as `AccountRequester`, a practitioner's CAF standing, and the
/// parties of a taxpayer's account (SPEC 12 "Visibility", SPEC 7 "notification").
struct AccountParties {
    let reference: ReferenceData

    init(_ db: any SQLSession) {
        reference = ReferenceData(db)
    }

    /// Where `user`'s linked CAF number stands on the CAF.
    func standing(of user: UserRecord) throws -> LinkedCAFStanding {
        let caf = AuthorizationRecipients.linkedCAF(of: user)
        return LinkedCAFStanding(linkedCAF: caf, representative: try caf.flatMap { try reference.representative(caf: $0) })
    }

    /// The account rules' view of `user`: a practitioner with their CAF number when it is usable,
    /// a taxpayer with their own TIN; nil for staff or a user without a valid TIN.
    func requester(_ user: UserRecord) throws -> AccountRequester? {
        switch user.kind {
        case .practitioner: return .practitioner(user: user.id, caf: try standing(of: user).usableCAF)
        case .taxpayer: return (try? TIN(parsing: user.tin)).map { .taxpayer(user: user.id, tin: $0) }
        case .staff: return nil
        }
    }

    /// Who hears of a payment or plan for `tin` made by `requester`: the practitioner who acted,
    /// and the taxpayer when they have an online account (SPEC 12.4, 12.5), each once.
    func noticeRecipients(tin: TIN, requester: String) throws -> [UserID] {
        var recipients: [UserID] = []
        if let practitioner = try UserRecord.find(requester, in: reference.db), practitioner.kind == .practitioner {
            recipients.append(practitioner.userID)
        }
        if let taxpayer = try UserRecord.taxpayer(tin: tin, in: reference.db), !recipients.contains(taxpayer) {
            recipients.append(taxpayer)
        }
        return recipients
    }
}
