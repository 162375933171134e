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
    /// The id of the thread's first message.
    public let thread: String
    /// Up to 200 characters.
    public let subject: String
    /// Up to 10,000 characters.
    public let body: String
    /// The sender's user id.
    public let from: String
    /// The recipient's user id.
    public let to: String
    /// The taxpayer, TIN masked.
    public let taxpayer: Taxpayer
    /// The return form, e.g. `1040`.
    public let form: String
    /// The tax period.
    public let period: String
    /// When it was created (a `Timestamp.iso` instant).
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
