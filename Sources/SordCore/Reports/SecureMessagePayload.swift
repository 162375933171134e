import Foundation

/// The `message` file a secure message or a reply is delivered as (SPEC 7, 12.7): the message id
/// (what a `message-reply` names), the thread id, subject, body, sender and recipient, the taxpayer
/// (TIN masked as on transcripts), form, period and when it was sent. JSON only.
public struct SecureMessagePayload: Sendable, Hashable, Encodable {
    /// The masked taxpayer.
    public struct Taxpayer: Sendable, Hashable, Encodable {
        /// `XXX-XX-1234`.
        public let tin: String
    }

    /// The message id.
    public let message: String
    public let thread: String
    public let subject: String
    public let body: String
    public let from: String
    public let to: String
    public let taxpayer: Taxpayer
    public let form: String
    public let period: String
    public let createdAt: String

    init(_ record: SecureMessageRecord) {
        message = record.id
        thread = record.thread
        subject = record.subject
        body = record.body
        from = record.from
        to = record.to
        taxpayer = Taxpayer(tin: Masking.tin(record.tin))
        form = record.form
        period = record.period.description
        createdAt = record.createdAt
    }

    /// The file's bytes: `{"type": "message", …}`, keys sorted (`PayloadJSON`).
    public func json() throws -> Data {
        try PayloadJSON.encode(type: "message", self)
    }
}
