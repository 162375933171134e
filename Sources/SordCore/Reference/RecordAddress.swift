/// An address as reference data writes it: `{"street","city","state","zip","country"?}`; the
/// country is an ISO code and defaults to `US`.
public struct RecordAddress: Hashable, Sendable, Codable {
    public var street: String
    public var city: String
    /// Two-letter USPS code.
    public var state: String
    /// `NNNNN` or `NNNNN-NNNN`.
    public var zip: String
    /// ISO country code; nil means `US`.
    public var country: String?

    public init(street: String, city: String, state: String, zip: String, country: String? = nil) {
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
        self.country = country
    }

    private enum Keys: String, CodingKey { case street, city, state, zip, country }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["street", "city", "state", "zip", "country"])
        let c = try decoder.container(keyedBy: Keys.self)
        street = try c.decode(String.self, forKey: .street)
        city = try c.decode(String.self, forKey: .city)
        state = try c.decode(String.self, forKey: .state)
        zip = try c.decode(String.self, forKey: .zip)
        country = try c.decodeIfPresent(String.self, forKey: .country)
    }
}
