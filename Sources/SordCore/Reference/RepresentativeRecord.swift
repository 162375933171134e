/// A CAF representative: the CAF number (`NNNN-NNNNN` with an optional one-letter suffix), the name,
/// TIN, PTIN and address on file, and the practice code (blank when in good standing; D, E, R, S or I
/// when not).
public struct RepresentativeRecord: Hashable, Sendable, Codable {
    public var caf: String
    public var name: RecordName
    public var tin: String?
    public var ptin: String?
    public var address: RecordAddress
    public var practiceCode: String

    public init(caf: String, name: RecordName, tin: String? = nil, ptin: String? = nil,
                address: RecordAddress, practiceCode: String = "") {
        self.caf = caf
        self.name = name
        self.tin = tin
        self.ptin = ptin
        self.address = address
        self.practiceCode = practiceCode
    }

    /// Practice codes that mean the CAF number is not in good standing (AUTH-006, TDS-004).
    public static let notInGoodStanding: Set<String> = ["D", "E", "R", "S", "I"]

    /// True unless the practice code is D, E, R, S or I.
    public var inGoodStanding: Bool { !Self.notInGoodStanding.contains(practiceCode) }

    private enum CodingKeys: String, CodingKey { case caf, name, tin, ptin, address, practiceCode }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["record", "caf", "name", "tin", "ptin", "address", "practiceCode"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        caf = try c.decode(String.self, forKey: .caf)
        name = try c.decode(RecordName.self, forKey: .name)
        tin = try c.decodeIfPresent(String.self, forKey: .tin)
        ptin = try c.decodeIfPresent(String.self, forKey: .ptin)
        address = try c.decode(RecordAddress.self, forKey: .address)
        practiceCode = try c.decodeIfPresent(String.self, forKey: .practiceCode) ?? ""
    }
}
