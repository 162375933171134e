/// A Master File entity: one taxpayer (person or business) by TIN, with the name and address of
/// record.
///
/// `onlineAccount` says whether the taxpayer has an individual online account (Tax Pro Account
/// requests need one, rule TPA-008). In files it is the optional `"onlineAccount": true`; absent
/// means false.
public struct EntityRecord: Hashable, Sendable, Codable {
    /// Dashed TIN: `NNN-NN-NNNN` (SSN, ITIN) or `NN-NNNNNNN` (EIN).
    public var tin: String
    public var name: RecordName
    public var address: RecordAddress
    public var onlineAccount: Bool

    public init(tin: String, name: RecordName, address: RecordAddress, onlineAccount: Bool = false) {
        self.tin = tin
        self.name = name
        self.address = address
        self.onlineAccount = onlineAccount
    }

    private enum CodingKeys: String, CodingKey { case tin, name, address, onlineAccount }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["record", "tin", "name", "address", "onlineAccount"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tin = try c.decode(String.self, forKey: .tin)
        name = try c.decode(RecordName.self, forKey: .name)
        address = try c.decode(RecordAddress.self, forKey: .address)
        onlineAccount = try c.decodeIfPresent(Bool.self, forKey: .onlineAccount) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tin, forKey: .tin)
        try c.encode(name, forKey: .name)
        try c.encode(address, forKey: .address)
        if onlineAccount { try c.encode(true, forKey: .onlineAccount) }
    }
}
