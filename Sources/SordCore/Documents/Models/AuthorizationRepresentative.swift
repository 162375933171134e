extension AuthorizationDocument {
    /// Line 2 and Part II: one representative (2848) or designee (8821).
    ///
    /// Required: `name`, `caf`, `address`. `receiveNotices` defaults to false. The rest are optional
    /// at the schema layer: their absence or presence is judged by the rules (`AUTH-012`, `AUTH-013`,
    /// `AUTH-015`).
    public struct Representative: Sendable, Hashable {
        public let name: DocumentName
        /// The CAF number as submitted (`NNNN-NNNNN` with an optional letter), or `"None"`.
        public let caf: String
        public let ptin: String?
        public let address: DocumentAddress
        /// Whether this representative asks for copies of notices (at most two may).
        public let receiveNotices: Bool
        /// 2848 only: the Part II designation letter as submitted (a, b, c, d, e, f, g, h, k, r).
        public let designation: String?
        /// 2848 only: the licensing jurisdiction (state or other authority).
        public let jurisdiction: String?
        /// 2848 only: bar, license, certification, registration or enrollment number.
        public let licenseNumber: String?
        /// 2848 only: the date the representative signed, `YYYY-MM-DD` as submitted.
        public let signedOn: String?

        public init(
            name: DocumentName, caf: String, ptin: String? = nil, address: DocumentAddress,
            receiveNotices: Bool = false, designation: String? = nil, jurisdiction: String? = nil,
            licenseNumber: String? = nil, signedOn: String? = nil
        ) {
            self.name = name
            self.caf = caf
            self.ptin = ptin
            self.address = address
            self.receiveNotices = receiveNotices
            self.designation = designation
            self.jurisdiction = jurisdiction
            self.licenseNumber = licenseNumber
            self.signedOn = signedOn
        }
    }
}
