/// How the inbox treats a file name (SPEC section 4).
public enum InboxName {
    /// What to do with a name found in an inbox.
    public enum Disposition: Equatable, Sendable {
        /// Still being written (hidden, `.part` or `.tmp`): leave it alone.
        case ignore
        /// A single JSON document.
        case json
        /// Bulk transcript requests.
        case csv
        /// Complete but not `.json`/`.csv` (or an unusable name): claim it and reject with SUB-008.
        case unsupported
    }

    /// The longest name kept whole in work/ and archive/ names; longer names are refused (SUB-008).
    public static let maxLength = 180

    /// Classifies a file name.
    public static func classify(_ name: String) -> Disposition {
        if name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp") { return .ignore }
        if name.utf8.count > maxLength { return .unsupported }
        let lower = name.lowercased()
        if lower.hasSuffix(".json") && name.utf8.count > 5 { return .json }
        if lower.hasSuffix(".csv") && name.utf8.count > 4 { return .csv }
        return .unsupported
    }

    /// Whether a name is acceptable for an upload over the API (`PUT /v1/inbox/{name}`): a plain
    /// component of letters, digits, `.`, `_`, `-`, not hidden, at most 128 bytes.
    public static func isSafeUploadName(_ name: String) -> Bool {
        guard (1...128).contains(name.utf8.count), !name.hasPrefix(".") else { return false }
        return name.utf8.allSatisfy { b in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
                || b == UInt8(ascii: "-")
        }
    }
}
