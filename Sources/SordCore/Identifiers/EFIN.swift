/// An Electronic Filing Identification Number: 6 digits, naming an e-File application.
public struct EFIN: Hashable, Sendable, CustomStringConvertible {
    /// The six digits as a number.
    public let number: Int

    /// An EFIN from its six digits.
    public init(number: Int) throws(IdentifierError) {
        guard (0...999_999).contains(number) else { throw .malformed(.efin) }
        self.number = number
    }

    /// Parses `NNNNNN`.
    public init(parsing text: String) throws(IdentifierError) {
        guard let number = DigitText.value(text, count: 6) else { throw .malformed(.efin) }
        self.number = number
    }

    /// The six digits.
    public var description: String { DigitText.padded(number, width: 6) }
}
