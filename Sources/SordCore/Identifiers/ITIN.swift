/// An Individual Taxpayer Identification Number: `9NN-NN-NNNN` whose fourth and fifth digits are
/// 50–65, 70–88, 90–92 or 94–99. ATINs (9NN-93-NNNN) and IRS internal numbers (IRSN, middle digits
/// 01–10, 17–19, 28–29, 37–39) have the same shape but are refused with their own reason.
public struct ITIN: Hashable, Sendable, CustomStringConvertible {
    /// First three digits (900–999).
    public let area: Int
    /// Fourth and fifth digits.
    public let group: Int
    /// Last four digits.
    public let serial: Int

    /// An ITIN from its three parts, refused when they are not an ITIN.
    public init(area: Int, group: Int, serial: Int) throws(IdentifierError) {
        guard (0...999).contains(area), (0...99).contains(group), (0...9999).contains(serial) else {
            throw .malformed(.itin)
        }
        guard area >= 900 else { throw .itinArea }
        switch group {
        case 50...65, 70...88, 90...92, 94...99: break
        case 93: throw .atin
        case 1...10, 17...19, 28...29, 37...39: throw .irsn
        default: throw .itinGroup
        }
        self.area = area
        self.group = group
        self.serial = serial
    }

    /// Parses the dashed form `9NN-NN-NNNN`.
    public init(parsing text: String) throws(IdentifierError) {
        guard let f = DigitText.fields(text, widths: [3, 2, 4]) else { throw .malformed(.itin) }
        try self.init(area: f[0], group: f[1], serial: f[2])
    }

    /// The nine digits without dashes.
    public var digits: String {
        DigitText.padded(area, width: 3) + DigitText.padded(group, width: 2) + DigitText.padded(serial, width: 4)
    }

    /// The canonical dashed form `9NN-NN-NNNN`.
    public var description: String {
        DigitText.padded(area, width: 3) + "-" + DigitText.padded(group, width: 2) + "-"
            + DigitText.padded(serial, width: 4)
    }
}
