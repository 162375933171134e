/// Reading and writing fixed-width fields of ASCII digits (other Unicode digits are refused).
enum DigitText {
    /// The value of `text` when it is exactly `count` ASCII digits, else nil.
    static func value(_ text: some StringProtocol, count: Int) -> Int? {
        var result = 0
        var seen = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
            seen += 1
            if seen > count { return nil }
        }
        return seen == count ? result : nil
    }

    /// The values of `text` split on "-" when it has exactly one all-digit field per width.
    static func fields(_ text: String, widths: [Int]) -> [Int]? {
        var values: [Int] = []
        values.reserveCapacity(widths.count)
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                guard values.count < widths.count - 1, digits == widths[values.count] else { return nil }
                values.append(value)
                value = 0
                digits = 0
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < widths[values.count] else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            }
        }
        guard values.count == widths.count - 1, digits == widths[values.count] else { return nil }
        values.append(value)
        return values
    }

    /// `value` written in decimal, zero-padded on the left to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        let count = digits.utf8.count
        return count >= width ? digits : zeros.prefix(width - count) + digits
    }

    private static let zeros = "0000000000000000"
}
