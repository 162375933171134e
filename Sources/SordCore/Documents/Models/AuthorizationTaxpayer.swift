extension AuthorizationDocument {
    /// Line 1: the taxpayer who gives the authorization; all three fields are required.
    public struct Taxpayer: Sendable, Hashable {
        public let name: DocumentName
        /// The TIN as submitted (dashed SSN, ITIN or EIN; checked by the rules, `ID-001`).
        public let tin: String
        public let address: DocumentAddress

        public init(name: DocumentName, tin: String, address: DocumentAddress) {
            self.name = name
            self.tin = tin
            self.address = address
        }
    }
}
