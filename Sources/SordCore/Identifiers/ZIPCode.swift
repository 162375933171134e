/// A US ZIP code: `NNNNN` or ZIP+4 `NNNNN-NNNN`.
public struct ZIPCode: Hashable, Sendable, CustomStringConvertible {
    /// The five-digit ZIP, the part address matching compares.
    public let zip5: String
    /// The four-digit add-on, when given.
    public let plus4: String?

    /// Parses `NNNNN` or `NNNNN-NNNN`.
    public init(parsing text: String) throws(IdentifierError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, DigitText.value(parts[0], count: 5) != nil else { throw .malformed(.zip) }
        if parts.count == 2 {
            guard DigitText.value(parts[1], count: 4) != nil else { throw .malformed(.zip) }
            plus4 = String(parts[1])
        } else {
            plus4 = nil
        }
        zip5 = String(parts[0])
    }

    /// The canonical form as given: `NNNNN` or `NNNNN-NNNN`.
    public var description: String { plus4.map { zip5 + "-" + $0 } ?? zip5 }
}
