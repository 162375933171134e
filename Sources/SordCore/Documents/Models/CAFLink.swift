/// `caf-link` (SPEC 5.4): link a CAF number to the submitting practitioner's profile.
public struct CAFLink: Sendable, Hashable {
    public let clientRef: String?
    /// The CAF number as submitted (checked by the rules, `ID-002`).
    public let caf: String

    public init(clientRef: String? = nil, caf: String) {
        self.clientRef = clientRef
        self.caf = caf
    }
}
