/// Lowercase hexadecimal, for digests and fingerprints.
public enum Hex {
    /// The sixteen digits, lower case.
    static let digits = Array("0123456789abcdef".utf8)

    /// The lowercase hex text of `bytes`.
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
