/// One person on a firm's e-File application: the EFIN, the sord user id, their role, their name
/// as it stands on the application, and whether they hold TDS authority. Principals and responsible
/// officials hold it by their role; delegates only when granted.
public struct EFileUserRecord: Hashable, Sendable, Codable {
    /// Role on the application.
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        case principal
        case responsibleOfficial = "responsible-official"
        case delegate
    }

    /// 6 digits.
    public var efin: String
    public var firm: String
    /// The sord user id (`^[a-z][a-z0-9._-]{2,31}$`).
    public var user: String
    public var role: Role
    public var name: RecordName
    /// The `tds` flag as recorded; see `holdsTDS` for the effective authority.
    public var tds: Bool

    public init(efin: String, firm: String, user: String, role: Role, name: RecordName, tds: Bool) {
        self.efin = efin
        self.firm = firm
        self.user = user
        self.role = role
        self.name = name
        self.tds = tds
    }

    /// Whether this member may use TDS: by role for principals and responsible officials, by grant
    /// for delegates.
    public var holdsTDS: Bool { role != .delegate || tds }

    private enum CodingKeys: String, CodingKey { case efin, firm, user, role, name, tds }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["record", "efin", "firm", "user", "role", "name", "tds"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        efin = try c.decode(String.self, forKey: .efin)
        firm = try c.decode(String.self, forKey: .firm)
        user = try c.decode(String.self, forKey: .user)
        role = try c.decode(Role.self, forKey: .role)
        name = try c.decode(RecordName.self, forKey: .name)
        tds = try c.decodeIfPresent(Bool.self, forKey: .tds) ?? false
    }
}
