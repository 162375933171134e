/// The name of a taxpayer: a person (`{"first","middle"?,"last","suffix"?}`) or a business
/// (`{"business"}`).
public enum TaxpayerName: Hashable, Sendable {
    case person(PersonName)
    case business(BusinessName)

    /// The name control by the rules of its kind.
    public func nameControl() throws(NameControlError) -> NameControl {
        switch self {
        case .person(let p): try p.nameControl()
        case .business(let b): try b.nameControl()
        }
    }

    /// The kind of name control this name has.
    public var nameControlKind: NameControl.Kind {
        if case .person = self { .person } else { .business }
    }

    /// Names match when both are persons that match or both are businesses that match.
    public func matches(_ other: TaxpayerName) -> Bool {
        differences(from: other).isEmpty
    }

    /// Every part that keeps this name from matching `other`: the parts of two persons or of two
    /// businesses, or the kind when a person meets a business; empty when they match.
    public func differences(from other: TaxpayerName) -> [NameDifference] {
        switch (self, other) {
        case (.person(let a), .person(let b)): a.differences(from: b)
        case (.business(let a), .business(let b)): a.differences(from: b)
        default: [NameDifference(part: .kind, value: kindDescription, other: other.kindDescription)]
        }
    }

    /// "a person's name" or "a business name".
    var kindDescription: String {
        if case .person = self { "a person's name" } else { "a business name" }
    }
}
