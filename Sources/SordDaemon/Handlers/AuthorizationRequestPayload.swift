import Foundation
import SordCore

/// The `request` file a taxpayer receives for a pending Tax Pro Account request (SPEC 7); its
/// `request` id is what their `authorization-decision` names.
struct AuthorizationRequestPayload: Encodable {
    /// Who asks: the representative's name and CAF number, and their designation for a POA.
    struct Representative: Encodable {
        let name: RecordName
        let caf: String
        let designation: String?
    }

    let type = "request"
    let request: String
    let form: String
    let representative: Representative
    let matters: [Matter]
    let receiveNotices: Bool
    let createdAt: String

    /// The request as a delivery to the taxpayer `user`.
    func delivery(to user: UserID) -> PlannedDelivery {
        PlannedDelivery(recipient: user, kind: .request, format: .json, payload: AuthorizationJSON.encode(self))
    }
}
