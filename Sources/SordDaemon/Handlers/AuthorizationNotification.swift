import Foundation
import SordCore

/// A notification about an authorization to a practitioner (SPEC 7), delivered as a JSON
/// `notification` file. It holds ids, codes, the form, the matters and the taxpayer's masked TIN;
/// never a full TIN or a person's name.
struct AuthorizationNotification: Encodable {
    /// What happened.
    enum Event: String, Encodable {
        /// A form naming the recipient was recorded on the CAF.
        case recorded = "authorization.recorded"
        /// An authorization naming the recipient was revoked by a later one.
        case revoked = "authorization.revoked"
        /// The recipient withdrew from an authorization.
        case withdrawn = "authorization.withdrawn"
        /// A new CAF number was assigned to a representative written as "None".
        case cafNumberAssigned = "caf-number.assigned"
        /// The taxpayer approved the recipient's Tax Pro Account request; it is recorded.
        case requestApproved = "tpa-request.approved"
        /// The taxpayer rejected the request.
        case requestRejected = "tpa-request.rejected"
        /// The taxpayer approved, but the request was not processed (TPA-010).
        case requestNotProcessed = "tpa-request.not-processed"
    }

    let type = "notification"
    let event: Event
    let message: String
    /// The submission that caused it.
    let submission: String
    let createdAt: String
    var authorization: String?
    var request: String?
    var form: String?
    /// The taxpayer's TIN, masked (`XXX-XX-1234`).
    var taxpayer: String?
    var caf: String?
    var matters: [Matter]?
    var revokedBy: String?
    var code: String?

    /// The notification as a delivery to `user`.
    func delivery(to user: UserID) -> PlannedDelivery {
        PlannedDelivery(recipient: user, kind: .notification, format: .json, payload: AuthorizationJSON.encode(self))
    }
}

/// The JSON form of the authorization payloads: pretty, keys sorted, slashes unescaped.
enum AuthorizationJSON {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, booleans and arrays of them always encode.
        return (try? encoder.encode(value)) ?? Data()
    }

    /// The taxpayer's TIN as a notification shows it, from the stored dashed form.
    static func maskedTIN(_ text: String) -> String? {
        (try? TIN(parsing: text)).map(Masking.tin)
    }
}
