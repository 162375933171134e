/// A person's name as forms and the Master File write it: first, optional middle, last, optional
/// suffix (Jr, Sr, III ...). Blank middle and suffix are stored as nil.
///
/// Deliberately not `CustomStringConvertible`: names must not slip into log lines by interpolation.
public struct PersonName: Hashable, Sendable {
    public let first: String
    public let middle: String?
    public let last: String
    public let suffix: String?

    public init(first: String, middle: String? = nil, last: String, suffix: String? = nil) {
        self.first = first
        self.middle = middle.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        self.last = last
        self.suffix = suffix.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    }

    /// The parts present, joined by single blanks: how the CAF counts the whole name.
    public var fullName: String {
        [first, middle, last, suffix].compactMap { $0 }.joined(separator: " ")
    }

    /// The parts that exceed the CAF's length limits (empty when the name fits), counted in
    /// characters as written.
    public var cafLengthViolations: [NameLengthViolation] {
        let parts: [(NameLengthViolation.Field, String?)] = [
            (.first, first), (.middle, middle), (.last, last), (.suffix, suffix), (.whole, fullName),
        ]
        return parts.compactMap { field, text in
            guard let count = text?.count, count > field.limit else { return nil }
            return NameLengthViolation(field: field, length: count)
        }
    }

    /// The name control, from the last name (see `NameControl.person(lastName:)`).
    public func nameControl() throws(NameControlError) -> NameControl {
        try NameControl.person(lastName: last)
    }

    /// SPEC 6 name matching: first and last names equal after normalisation (folded to plain
    /// letters, upper case, punctuation other than hyphen removed, blanks collapsed); the suffix is
    /// ignored; middle initials are compared only when both names give one. An empty normalised
    /// last name never matches.
    public func matches(_ other: PersonName) -> Bool {
        differences(from: other).isEmpty
    }

    /// Every part that keeps this name from matching `other` (see `matches`), in the order first
    /// name, middle initial, last name; empty when they match.
    public func differences(from other: PersonName) -> [NameDifference] {
        var differences: [NameDifference] = []
        let firsts = (LatinFolding.normalizedForMatching(first), LatinFolding.normalizedForMatching(other.first))
        if firsts.0 != firsts.1 { differences.append(NameDifference(part: .first, value: firsts.0, other: firsts.1)) }
        let initials = [middle, other.middle].map { $0.flatMap { LatinFolding.normalizedForMatching($0).first } }
        if let mine = initials[0], let theirs = initials[1], mine != theirs {
            differences.append(NameDifference(part: .middleInitial, value: String(mine), other: String(theirs)))
        }
        let lasts = (LatinFolding.normalizedForMatching(last), LatinFolding.normalizedForMatching(other.last))
        if lasts.0.isEmpty || lasts.0 != lasts.1 { differences.append(NameDifference(part: .last, value: lasts.0, other: lasts.1)) }
        return differences
    }
}
