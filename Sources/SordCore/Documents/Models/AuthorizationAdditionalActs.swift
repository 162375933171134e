extension AuthorizationDocument {
    /// 2848 line 5a: acts beyond the default ones. Every field is optional (false / empty).
    public struct AdditionalActs: Sendable, Hashable {
        public let intermediateServiceProvider: Bool
        public let disclosure: Bool
        public let substitute: Bool
        public let signReturn: Bool
        /// Other acts, described in words.
        public let other: String

        public init(
            intermediateServiceProvider: Bool = false, disclosure: Bool = false, substitute: Bool = false,
            signReturn: Bool = false, other: String = ""
        ) {
            self.intermediateServiceProvider = intermediateServiceProvider
            self.disclosure = disclosure
            self.substitute = substitute
            self.signReturn = signReturn
            self.other = other
        }

        /// Whether line 5a asks for anything: a box ticked or an "other" text that is not blank.
        public var isUsed: Bool {
            intermediateServiceProvider || disclosure || substitute || signReturn
                || other.contains { !$0.isWhitespace }
        }
    }
}
