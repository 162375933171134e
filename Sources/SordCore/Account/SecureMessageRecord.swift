/// A secure message (SPEC 12.7) as the store keeps it: a staff user's `secure-message`, or a
/// `message-reply` to one, in a thread about one taxpayer's form and period.
public struct SecureMessageRecord: Sendable, Hashable {
    /// Its id.
    public var id: String
    /// The id of the thread's first message (a new message starts its own thread).
    public var thread: String
    /// The sender's user id.
    public var from: String
    /// The recipient's user id.
    public var to: String
    /// The taxpayer's TIN.
    public var tin: TIN
    /// The return form, e.g. `1040`.
    public var form: String
    /// The tax period.
    public var period: TaxPeriod
    /// Up to 200 characters.
    public var subject: String
    /// Up to 10,000 characters.
    public var body: String
    /// When it was sent: a `Timestamp.iso` instant.
    public var createdAt: String

    public init(id: String, thread: String, from: String, to: String, tin: TIN, form: String, period: TaxPeriod,
                subject: String, body: String, createdAt: String) {
        self.id = id
        self.thread = thread
        self.from = from
        self.to = to
        self.tin = tin
        self.form = form
        self.period = period
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
    }

    /// The reply to this message: same thread, taxpayer, form, period and subject, from its
    /// recipient back to its sender.
    public func reply(id: String, body: String, createdAt: String) -> SecureMessageRecord {
        SecureMessageRecord(id: id, thread: thread, from: to, to: from, tin: tin, form: form, period: period, subject: subject,
                            body: body, createdAt: createdAt)
    }

    /// The `message` file delivered to the recipient.
    public var payload: SecureMessagePayload { SecureMessagePayload(self) }
}
