/// An Employer Identification Number `NN-NNNNNNN` whose first two digits are a prefix the IRS
/// assigns (DOMAIN.md): 01–06, 10–16, 20–27, 30–39, 40–48, 50–59, 60–68, 71–77, 80–88, 90–95, 98, 99.
public struct EIN: Hashable, Sendable, CustomStringConvertible {
    /// The two-digit prefix.
    public let prefix: Int
    /// The seven digits after the dash.
    public let serial: Int

    /// Whether the IRS assigns EINs beginning with this two-digit prefix.
    public static func isValidPrefix(_ prefix: Int) -> Bool {
        switch prefix {
        case 1...6, 10...16, 20...27, 30...39, 40...48, 50...59, 60...68, 71...77, 80...88, 90...95, 98, 99:
            true
        default:
            false
        }
    }

    /// An EIN from its parts, refused when the prefix is not assigned.
    public init(prefix: Int, serial: Int) throws(IdentifierError) {
        guard (0...99).contains(prefix), (0...9_999_999).contains(serial) else { throw .malformed(.ein) }
        guard Self.isValidPrefix(prefix) else { throw .einPrefix }
        self.prefix = prefix
        self.serial = serial
    }

    /// Parses the dashed form `NN-NNNNNNN`.
    public init(parsing text: String) throws(IdentifierError) {
        guard let f = DigitText.fields(text, widths: [2, 7]) else { throw .malformed(.ein) }
        try self.init(prefix: f[0], serial: f[1])
    }

    /// The nine digits without the dash.
    public var digits: String { DigitText.padded(prefix, width: 2) + DigitText.padded(serial, width: 7) }

    /// The canonical dashed form `NN-NNNNNNN`.
    public var description: String { DigitText.padded(prefix, width: 2) + "-" + DigitText.padded(serial, width: 7) }
}
