/// Builds the JSON paths that problems carry: `$.representatives[1].designation`, and for CSV rows
/// `$[row 3].product`. Keys that are not plain identifiers are quoted (`$["first name"]`) and
/// shortened, so a hostile key cannot make a message unbounded.
enum JSONPath {
    static let root = "$"
    private static let maxKeyLength = 64

    static func appending(key: String, to path: String) -> String {
        if isIdentifier(key) { return path + "." + key }
        var quoted = ""
        for scalar in key.unicodeScalars.prefix(maxKeyLength) {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        if key.unicodeScalars.count > maxKeyLength { quoted += "…" }
        return path + "[\"" + quoted + "\"]"
    }

    static func appending(index: Int, to path: String) -> String {
        path + "[\(index)]"
    }

    /// The path of a CSV record, numbered from 1 like a spreadsheet row (the header is row 1).
    static func row(_ number: Int) -> String {
        "$[row \(number)]"
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              key.utf8.count <= maxKeyLength else { return false }
        return key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}
