/// How the inbox treats a file name (SPEC 4). Names the file system allows (up to 255 bytes) are
/// all classified; none is shortened or refused for its length.
public enum InboxName {
    /// What to do with a name found in an inbox.
    public enum Disposition: Equatable, Sendable {
        /// A temporary or private file of some tool (`IgnoredNames`): leave it alone.
        case ignore
        /// A single JSON document.
        case json
        /// Bulk transcript requests.
        case csv
        /// Complete but not `.json`/`.csv`: claim it and reject it with SUB-008.
        case unsupported
    }

    /// Classifies a file name: ignored names first, then the extension (`DocumentParser.FileFormat`,
    /// in any letter case).
    public static func classify(_ name: String) -> Disposition {
        if IgnoredNames.contains(name) { return .ignore }
        return switch DocumentParser.FileFormat(fileName: name) {
        case .json?: .json
        case .csv?: .csv
        case nil: .unsupported
        }
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
