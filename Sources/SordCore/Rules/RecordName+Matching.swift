extension RecordName {
    /// The name as a `TaxpayerName`, for matching and name controls.
    public var taxpayerName: TaxpayerName {
        switch self {
        case let .person(first, middle, last, suffix): .person(PersonName(first: first, middle: middle, last: last, suffix: suffix))
        case let .business(name): .business(BusinessName(name))
        }
    }

    /// Whether two names match by the rules of SPEC 6 (persons by first and last name and middle
    /// initial; businesses by normalised name; a person never matches a business).
    public func matches(_ other: RecordName) -> Bool {
        taxpayerName.matches(other.taxpayerName)
    }

    /// Every part that keeps this name from matching `other` (see `TaxpayerName.differences(from:)`).
    public func differences(from other: RecordName) -> [NameDifference] {
        taxpayerName.differences(from: other.taxpayerName)
    }
}
