/// One reason two names do not match by the SPEC 6 name rule, for messages that say which part
/// differs and how (AUTH-005, TPA-006, CAF-003, TDS-002; AUTH-002 names the part only). The values
/// are the normalised forms the rule compared (upper case, accents and punctuation other than
/// hyphens dropped, blanks collapsed), so the message shows what was compared.
///
/// Deliberately not `CustomStringConvertible`, like `PersonName`: names must not slip into log
/// lines by interpolation.
public struct NameDifference: Hashable, Sendable {
    /// The part of the name that differs.
    public enum Part: Hashable, Sendable {
        /// One is a person's name and the other a business name.
        case kind
        /// A person's first name.
        case first
        /// Both give a middle name and their initials differ.
        case middleInitial
        /// A person's last name (an empty one never matches).
        case last
        /// A business's name (an empty one never matches).
        case business

        /// The part in words: "the last name".
        public var label: String {
            switch self {
            case .kind: "the kind of name"
            case .first: "the first name"
            case .middleInitial: "the middle initial"
            case .last: "the last name"
            case .business: "the business name"
            }
        }
    }

    /// Which part differs.
    public let part: Part
    /// This name's value of the part, normalised (for `.kind`: "a person's name" or "a business name").
    public let value: String
    /// The other name's value of the part, normalised.
    public let other: String

    /// What differs, in words: `the last name differs: 'ORTEGA RUIZ' against 'ORTEGA-RUIZ' (a blank
    /// against a hyphen after 'ORTEGA')`.
    public var explanation: String {
        switch part {
        case .kind:
            return "\(value) against \(other)"
        case .middleInitial:
            return "the middle initial differs: '\(value)' against '\(other)'"
        case .first, .last, .business:
            if value.isEmpty && other.isEmpty { return "\(part.label) is empty" }
            let how = value.isEmpty || other.isEmpty ? "" : " (\(Self.firstDifference(value, other)))"
            return "\(part.label) differs: \(Self.quoted(value)) against \(Self.quoted(other))\(how)"
        }
    }

    /// Several differences in one phrase, parts joined by "; ".
    public static func explanation(of differences: [NameDifference]) -> String {
        differences.map(\.explanation).joined(separator: "; ")
    }

    /// Where two different normalised values first part, and what stands there on each side:
    /// `a blank against a hyphen after 'ORTEGA'`, `nothing against 'S' after 'OAK'`.
    static func firstDifference(_ value: String, _ other: String) -> String {
        let a = Array(value), b = Array(other)
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let mine = common < a.count ? (common < b.count ? character(a[common]) : quoted(String(a[common...]))) : "nothing"
        let theirs = common < b.count ? (common < a.count ? character(b[common]) : quoted(String(b[common...]))) : "nothing"
        let place = common == 0 ? "at the start" : "after '\(String(a[..<common]))'"
        return "\(mine) against \(theirs) \(place)"
    }

    private static func character(_ c: Character) -> String {
        switch c {
        case " ": "a blank"
        case "-": "a hyphen"
        default: "'\(c)'"
        }
    }

    private static func quoted(_ text: String) -> String {
        text.isEmpty ? "nothing" : "'\(text)'"
    }
}
