/// A Master File entity: one taxpayer (person or business) by TIN, with the name and address of
/// record. Whether the taxpayer has an online account is not the Master File's to say: it has one
/// exactly when an active `taxpayer` user with that TIN exists (SPEC 2).
public struct EntityRecord: Hashable, Sendable, Codable {
    /// Dashed TIN: `NNN-NN-NNNN` (SSN, ITIN) or `NN-NNNNNNN` (EIN).
    public var tin: String
    public var name: RecordName
    public var address: RecordAddress

    public init(tin: String, name: RecordName, address: RecordAddress) {
        self.tin = tin
        self.name = name
        self.address = address
    }

    private enum CodingKeys: String, CodingKey { case tin, name, address }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["record", "tin", "name", "address"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tin = try c.decode(String.self, forKey: .tin)
        name = try c.decode(RecordName.self, forKey: .name)
        address = try c.decode(RecordAddress.self, forKey: .address)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tin, forKey: .tin)
        try c.encode(name, forKey: .name)
        try c.encode(address, forKey: .address)
    }
}
