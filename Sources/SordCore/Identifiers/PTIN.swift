/// A Preparer Tax Identification Number: `P` and 8 digits. A lower-case `p` is accepted; the
/// canonical form is upper case.
public struct PTIN: Hashable, Sendable, CustomStringConvertible {
    /// The eight digits as a number.
    public let number: Int

    /// A PTIN from its eight digits.
    public init(number: Int) throws(IdentifierError) {
        guard (0...99_999_999).contains(number) else { throw .malformed(.ptin) }
        self.number = number
    }

    /// Parses `PNNNNNNNN`.
    public init(parsing text: String) throws(IdentifierError) {
        guard let first = text.first, first == "P" || first == "p",
              let number = DigitText.value(text.dropFirst(), count: 8)
        else { throw .malformed(.ptin) }
        self.number = number
    }

    /// The canonical form `PNNNNNNNN`.
    public var description: String { "P" + DigitText.padded(number, width: 8) }
}
