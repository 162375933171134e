/// `delegation` (SPEC 5.5): a principal or responsible official grants or revokes an authority for a
/// delegate on their e-File application.
public struct Delegation: Sendable, Hashable {
    /// The e-Services authority granted; only Transcript Delivery System exists in sord.
    public enum Authority: String, Sendable, Hashable, CaseIterable, Codable {
        case tds
    }

    /// Whether the authority is given or taken away.
    public enum Action: String, Sendable, Hashable, CaseIterable, Codable {
        case grant
        case revoke
    }

    public let clientRef: String?
    /// The e-File application's EFIN as submitted.
    public let efin: String
    /// The delegate's user id.
    public let delegate: String
    public let authority: Authority
    public let action: Action

    public init(clientRef: String? = nil, efin: String, delegate: String, authority: Authority, action: Action) {
        self.clientRef = clientRef
        self.efin = efin
        self.delegate = delegate
        self.authority = authority
        self.action = action
    }
}
