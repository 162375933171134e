/// A business's name as one line (`{"business": "The Willow Co."}`).
///
/// Deliberately not `CustomStringConvertible`, like `PersonName`.
public struct BusinessName: Hashable, Sendable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    /// The name control (see `NameControl.business(_:)`).
    public func nameControl() throws(NameControlError) -> NameControl {
        try NameControl.business(name)
    }

    /// Business names match when they are equal after the name-matching normalisation (folded,
    /// upper case, punctuation other than hyphen removed, blanks collapsed), and not empty.
    public func matches(_ other: BusinessName) -> Bool {
        differences(from: other).isEmpty
    }

    /// The difference that keeps this name from matching `other`, or none when they match.
    public func differences(from other: BusinessName) -> [NameDifference] {
        let mine = LatinFolding.normalizedForMatching(name), theirs = LatinFolding.normalizedForMatching(other.name)
        return !mine.isEmpty && mine == theirs ? [] : [NameDifference(part: .business, value: mine, other: theirs)]
    }
}
