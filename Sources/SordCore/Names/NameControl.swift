/// An IRS name control: up to four characters derived from a taxpayer's name, compared instead of
/// the whole name (SPEC 6, DOMAIN.md).
///
/// Every value matches the MeF pattern of its kind: persons `[A-Z][A-Z\- ]{0,3}`, businesses
/// `([A-Z0-9\-]|&){1,4}`. Non-ASCII letters are folded first (José → JOSE, Müller → MULL, see
/// `LatinFolding`); letters that do not fold (e.g. Cyrillic, Han) are dropped.
public struct NameControl: Hashable, Sendable, CustomStringConvertible {
    /// Person or business: the two kinds follow different derivation rules and patterns.
    public enum Kind: Hashable, Sendable {
        case person, business
    }

    /// The control, 1 to 4 characters, without trailing padding blanks.
    public let value: String

    private init(unchecked value: String) { self.value = value }

    /// Validates a submitted name control (e.g. a TDS request's `nameControl`) against the MeF
    /// pattern of `kind`, or of either kind when `kind` is nil. Trailing blanks are padding and are
    /// removed first ("ASH " is ASH); lower-case letters are refused, as MeF refuses them.
    public init(parsing text: String, kind: Kind? = nil) throws(NameControlError) {
        var trimmed = Substring(text)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        let candidate = String(trimmed)
        let ok: Bool = switch kind {
        case .person: NameControl.matchesPattern(candidate, kind: .person)
        case .business: NameControl.matchesPattern(candidate, kind: .business)
        case nil: NameControl.matchesPattern(candidate, kind: .person)
            || NameControl.matchesPattern(candidate, kind: .business)
        }
        guard ok else { throw .malformed }
        value = candidate
    }

    /// A name control as a requester submits it (TDS `nameControl`, account and payment
    /// documents): folded like names first (upper case, accents dropped: `Nuñe` is `NUNE`, see
    /// `LatinFolding`), then validated against the pattern of either kind.
    public init(submitted text: String) throws(NameControlError) {
        try self.init(parsing: LatinFolding.fold(text, keepingUnfoldable: true).uppercased())
    }

    /// Whether `text` matches the MeF name-control pattern of `kind` exactly.
    public static func matchesPattern(_ text: String, kind: Kind) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...4).contains(bytes.count) else { return false }
        let isUpper = { (b: UInt8) in b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
        switch kind {
        case .person:
            return isUpper(bytes[0])
                && bytes.dropFirst().allSatisfy { isUpper($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }
        case .business:
            return bytes.allSatisfy {
                isUpper($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "&")
            }
        }
    }

    /// A person's name control from their last name: a hyphenated last name uses its first part
    /// (the first part holding a letter, should the name begin with a hyphen); then everything but
    /// letters is dropped (apostrophes, periods, blanks, digits) and the first four letters, upper
    /// case, are the control. Prefixes are kept (McCedar, Mc Cedar → MCCE; Van Dyke → VAND).
    /// The suffix is a separate field and never counts.
    public static func person(lastName: String) throws(NameControlError) -> NameControl {
        let folded = LatinFolding.fold(lastName, keepingUnfoldable: false).uppercased()
        let letters = folded.split(separator: "-")
            .map { $0.filter { $0 >= "A" && $0 <= "Z" } }
            .first { !$0.isEmpty }
        guard let letters else { throw .nothingToDerive }
        return NameControl(unchecked: String(letters.prefix(4)))
    }

    /// A business's name control: its first four significant characters, upper case: letters,
    /// digits, `&` and `-` count, blanks and other punctuation do not. A leading "The" is dropped
    /// when two or more words follow it (The Willow Co. → WILL; The Hawthorn → THEH). A word is a
    /// blank-separated run holding at least one significant character.
    public static func business(_ name: String) throws(NameControlError) -> NameControl {
        let folded = LatinFolding.fold(name, keepingUnfoldable: false).uppercased()
        let isSignificant = { (c: Character) in
            (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "&" || c == "-"
        }
        var words = folded.split(whereSeparator: \.isWhitespace)
            .map { $0.filter(isSignificant) }
            .filter { !$0.isEmpty }
        if words.count >= 3, words[0] == "THE" { words.removeFirst() }
        let control = String(words.joined().prefix(4))
        guard !control.isEmpty else { throw .nothingToDerive }
        return NameControl(unchecked: control)
    }

    /// The control as written, without padding.
    public var description: String { value }
}
