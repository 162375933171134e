/// A Social Security Number that follows the SSA's issuing rules: never area 000, 666 or 900–999,
/// group 00 or serial 0000. Written `NNN-NN-NNNN`.
public struct SSN: Hashable, Sendable, CustomStringConvertible {
    /// First three digits.
    public let area: Int
    /// Fourth and fifth digits.
    public let group: Int
    /// Last four digits.
    public let serial: Int

    /// An SSN from its three parts, refused when the SSA never issues it.
    public init(area: Int, group: Int, serial: Int) throws(IdentifierError) {
        guard (0...999).contains(area), (0...99).contains(group), (0...9999).contains(serial) else {
            throw .malformed(.ssn)
        }
        guard area != 0, area != 666, area < 900 else { throw .ssnArea }
        guard group != 0 else { throw .ssnGroup }
        guard serial != 0 else { throw .ssnSerial }
        self.area = area
        self.group = group
        self.serial = serial
    }

    /// Parses the dashed form `NNN-NN-NNNN`.
    public init(parsing text: String) throws(IdentifierError) {
        guard let f = DigitText.fields(text, widths: [3, 2, 4]) else { throw .malformed(.ssn) }
        try self.init(area: f[0], group: f[1], serial: f[2])
    }

    /// The nine digits without dashes.
    public var digits: String {
        DigitText.padded(area, width: 3) + DigitText.padded(group, width: 2) + DigitText.padded(serial, width: 4)
    }

    /// The canonical dashed form `NNN-NN-NNNN`.
    public var description: String {
        DigitText.padded(area, width: 3) + "-" + DigitText.padded(group, width: 2) + "-"
            + DigitText.padded(serial, width: 4)
    }
}
