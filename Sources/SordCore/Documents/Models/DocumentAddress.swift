/// A postal address as written in a document: `{"street","city","state","zip","country"?}`, strings
/// kept as submitted (state and ZIP are checked by the rules, `ID-005`).
public struct DocumentAddress: Sendable, Hashable {
    public let street: String
    public let city: String
    public let state: String
    public let zip: String
    /// The ISO country code; `"US"` when the document leaves it out.
    public let country: String

    public init(street: String, city: String, state: String, zip: String, country: String = "US") {
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
        self.country = country
    }
}
