/// `secure-message` (SPEC 12.7): a staff user opens a thread with a practitioner or a taxpayer
/// about one taxpayer's form and period (`MSG-002`).
public struct SecureMessage: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The recipient's user id.
    public let to: String
    /// The taxpayer's dashed TIN.
    public let tin: String
    /// The return form, e.g. `1040`.
    public let form: String
    /// `YYYY` or `YYYY-MM`.
    public let period: String
    /// 1 to 200 characters.
    public let subject: String
    /// 1 to 10,000 characters.
    public let body: String

    public init(clientRef: String? = nil, to: String, tin: String, form: String, period: String, subject: String,
                body: String) {
        self.clientRef = clientRef
        self.to = to
        self.tin = tin
        self.form = form
        self.period = period
        self.subject = subject
        self.body = body
    }
}
