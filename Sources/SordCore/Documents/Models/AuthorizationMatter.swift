extension AuthorizationDocument {
    /// Line 3: one tax matter, e.g. `Income` / `1040` / `["2022", "2023"]`.
    ///
    /// All three fields are required; `periods` may be empty here, since a missing period is the
    /// rules' `AUTH-008`, which says more than a schema error would.
    public struct Matter: Sendable, Hashable {
        public let description: String
        /// The tax form number, e.g. `1040`, `941`, `Civil Penalty`.
        public let form: String
        /// Periods as submitted: `YYYY` or `YYYY-MM`.
        public let periods: [String]

        public init(description: String, form: String, periods: [String]) {
            self.description = description
            self.form = form
            self.periods = periods
        }
    }
}
