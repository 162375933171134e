import Foundation
import SordCore

/// The acknowledgement every submission gets, exactly once, in the submitter's mailbox (SPEC 7).
struct Ack: Encodable {
    struct Item: Encodable {
        let index: Int
        /// `delivered` or `rejected`.
        let status: String
        let files: [String]
        let errors: [Problem]
    }

    let type = "ack"
    let submission: String
    let file: String
    let user: String
    let documentType: String?
    let clientRef: String?
    let receivedAt: String
    let processedAt: String
    let status: AckStatus
    let errors: [Problem]
    let items: [Item]
    let authorization: AuthorizationRef?
    let cafNumber: String?
    /// Files answering the submission besides its items (reports), by name.
    var files: [String]?
    var payment: PaymentRecord.Receipt?
    var plan: PlanReceipt?
    var message: MessageReceipt?

    /// The ack as pretty JSON, keys in the order SPEC 7 lists them.
    func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }
}
