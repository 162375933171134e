/// One broken rule in a submission: the code, a message saying what is wrong here, and where.
public struct Problem: Error, Hashable, Sendable, Codable {
    /// The catalogue code, e.g. `"AUTH-002"`.
    public let code: String
    /// What is wrong with this document, in words a practitioner can act on. Never holds a full TIN.
    public let message: String
    /// The JSON path of the offending value (`$.representatives[0].caf`), when there is one.
    public let path: String?

    public init(_ reason: ReasonCode, _ message: String, path: String? = nil) {
        self.code = reason.code
        self.message = message
        self.path = path
    }
}
