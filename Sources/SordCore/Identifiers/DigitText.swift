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
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == widths.count else { return nil }
        var values: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard let value = value(part, count: width) else { return nil }
            values.append(value)
        }
        return values
    }

    /// `value` written in decimal, zero-padded on the left to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
