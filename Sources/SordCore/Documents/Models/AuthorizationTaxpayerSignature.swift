extension AuthorizationDocument {
    /// Line 7 (2848) / line 6 (8821): the taxpayer's signature. Every field is optional at the schema
    /// layer, since a missing signature or date is the rules' `AUTH-010`.
    public struct TaxpayerSignature: Sendable, Hashable {
        /// The signature date, `YYYY-MM-DD` as submitted.
        public let signedOn: String?
        /// The signer's name as signed.
        public let name: String?
        /// The signer's title, for a business taxpayer.
        public let title: String?

        public init(signedOn: String?, name: String?, title: String? = nil) {
            self.signedOn = signedOn
            self.name = name
            self.title = title
        }
    }
}
