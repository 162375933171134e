extension DocumentParser {
    /// The two kinds of file the inbox accepts, told apart by the name's ending in any letter case
    /// (SPEC 4): the one extension rule, used by the inbox (`InboxName`), the parser and the API.
    public enum FileFormat: Sendable, Hashable {
        /// `.json`: one document of any type.
        case json
        /// `.csv`: bulk transcript requests.
        case csv

        /// The format a file name announces (`.json`, `.JSON`, `.Csv` …), or nil when it ends in
        /// neither.
        public init?(fileName: String) {
            let lower = fileName.lowercased()
            if lower.hasSuffix(".json") {
                self = .json
            } else if lower.hasSuffix(".csv") {
                self = .csv
            } else {
                return nil
            }
        }

        /// The SUB-008 problem of a name that ends in neither.
        public static let unsupportedName = Problem(.sub008, "The file name must end in .json or .csv (in any letter case).")
    }
}
