import Foundation

/// The strong entity tag of a mailbox file (its SHA-256, quoted) and `If-None-Match` matching.
enum EntityTag {
    /// `"<sha256>"`.
    static func of(sha256: String) -> String { "\"\(sha256)\"" }

    /// Whether an `If-None-Match` value names `tag` (or is `*`); weak tags compare by their value.
    static func ifNoneMatch(_ header: String, matches tag: String) -> Bool {
        header.split(separator: ",").contains { item in
            var candidate = item.trimmingCharacters(in: .whitespaces)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            return candidate == tag
        }
    }
}
