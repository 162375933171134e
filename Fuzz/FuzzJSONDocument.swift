// libFuzzer target: `DocumentParser.parse(bytes:fileName:)` on a `.json` file.
//
// Asserted beyond "no crash":
// - the outcome is a document or a rejection with at least one problem, every code SUB-003, SUB-004
//   or SUB-005, and parsing is deterministic;
// - `UTF8Validation` agrees with the standard library's UTF-8 validation, and invalid UTF-8 is
//   rejected with exactly one SUB-003;
// - a JSON syntax error gives exactly one SUB-003, and a value that is not an object one SUB-005;
// - every value the JSON parser accepts survives a round trip: written back as JSON and parsed
//   again it is the same value (keys, duplicates, order, escapes, number text);
// - every problem that has a path starts at the root `$`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let outcome = DocumentParser.parse(bytes: bytes, fileName: "fuzz.json")

    let invalidAt = UTF8Validation.firstInvalidOffset(in: bytes)
    let stdlibValid = String(validating: bytes, as: UTF8.self) != nil
    require((invalidAt == nil) == stdlibValid, "UTF8Validation (\(String(describing: invalidAt))) disagrees with the stdlib (\(stdlibValid))")

    switch outcome {
    case .document:
        require(invalidAt == nil, "accepted invalid UTF-8")
    case .rejected(let problems):
        require(!problems.isEmpty, "rejected without a problem")
        for problem in problems {
            require(["SUB-003", "SUB-004", "SUB-005"].contains(problem.code), "unexpected code \(problem.code)")
            if let path = problem.path { require(path.hasPrefix("$"), "path \(path) does not start at $") }
        }
    }
    require(DocumentParser.parse(bytes: bytes, fileName: "again.json") == outcome, "parsing is not deterministic")

    guard invalidAt == nil else {
        require(outcome.codes == ["SUB-003"], "invalid UTF-8 gave \(outcome.codes)")
        return 0
    }
    do {
        let value = try JSONValue.parse(bytes)
        let written = JSONWriter.write(value)
        let reparsed: JSONValue
        do {
            reparsed = try JSONValue.parse(Array(written.utf8))
        } catch {
            fatalError("fuzz property violated: written-back JSON does not parse: \(error)")
        }
        require(reparsed == value, "JSON round trip changed the value")
        if case .object = value {} else {
            require(outcome.codes == ["SUB-005"], "a non-object document gave \(outcome.codes)")
        }
    } catch {
        require(outcome.codes == ["SUB-003"], "a JSON syntax error gave \(outcome.codes)")
    }
    return 0
}

extension ParseOutcome {
    /// The codes of a rejection, in order; empty for a document.
    var codes: [String] {
        if case .rejected(let problems) = self { problems.map(\.code) } else { [] }
    }
}

/// Writes a `JSONValue` back as JSON text: strings escape only what JSON requires (quote,
/// backslash, control characters), numbers are written as their source text.
enum JSONWriter {
    static func write(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                write(element, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                writeString(member.key, into: &out)
                out += ":"
                write(member.value, into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
