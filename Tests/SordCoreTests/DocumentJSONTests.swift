import Testing
@testable import SordCore

@Suite("JSON layer: values, strings, numbers, limits and UTF-8")
struct DocumentJSONTests {
    static func value(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    @Test("values keep their exact form", arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .number("0")),
        ("-12.50e+3", .number("-12.50e+3")),
        ("1E9", .number("1E9")),
        (#""""#, .string("")),
        (#""Teak""#, .string("Teak")),
        (#""a\"b\\c\/d\b\f\n\r\t""#, .string("a\"b\\c/d\u{08}\u{0C}\n\r\t")),
        (#""\u00e9\u00C9""#, .string("éÉ")),
        (#""\ud83d\ude00""#, .string("😀")),
        (#""O’Neil 😀 é""#, .string("O’Neil 😀 é")),
        ("[]", .array([])),
        ("[1, \"a\", [null]]", .array([.number("1"), .string("a"), .array([.null])])),
        ("{}", .object([])),
        (#"{"b": 1, "a": 2, "b": 3}"#, .object([
            JSONMember(key: "b", value: .number("1")), JSONMember(key: "a", value: .number("2")),
            JSONMember(key: "b", value: .number("3")),
        ])),
    ])
    func values(text: String, expected: JSONValue) throws {
        #expect(try Self.value(text) == expected)
    }

    @Test("syntax errors and their reasons", arguments: [
        ("", "the document is empty"),
        ("[1 2]", "expected ',' or ']'"),
        ("{\"a\" 1}", "expected ':'"),
        ("{1: 2}", "expected a field name in double quotes"),
        ("\"\\q\"", "invalid escape sequence"),
        ("\"\\udc00\"", "unpaired surrogate in a \\u escape"),
        ("\"\\ud800\\u0041\"", "unpaired surrogate in a \\u escape"),
        ("\"\t\"", "control character in a string; escape it"),
        ("\"abc", "unterminated string"),
        ("-a", "invalid number"),
        ("1.e5", "invalid number"),
        ("1e", "invalid number"),
        ("nul", "invalid literal"),
        ("1 1", "unexpected content after the end of the document"),
        ("[", "unexpected end of the document"),
        ("{\"a\":1", "unexpected end of the document; expected ',' or '}'"),
        ("+1", "unexpected character; expected a value"),
    ])
    func syntaxErrors(text: String, reason: String) {
        #expect(throws: JSONSyntaxError.self) { try Self.value(text) }
        do {
            _ = try Self.value(text)
        } catch {
            #expect(error.reason == reason)
        }
    }

    @Test func errorPositionCountsCharactersNotBytes() {
        do {
            _ = try Self.value("{\"é😀\": x}")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.line == 1)
            #expect(error.column == 8)
            #expect(error.offset == 11)
            #expect(error.description == "JSON syntax error at line 1, column 8: unexpected character; expected a value")
        }
    }

    @Test("nesting is limited to 64 levels", arguments: [(64, true), (65, false)])
    func depthLimit(depth: Int, accepted: Bool) {
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let objects = String(repeating: "{\"a\":", count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
        for text in [arrays, objects] {
            let parsed = (try? Self.value(text)) != nil
            #expect(parsed == accepted)
        }
    }

    @Test("UTF-8 validation", arguments: [
        ([], nil),
        (Array("plain ASCII".utf8), nil),
        (Array("é € 😀 \u{10FFFF}".utf8), nil),
        ([0x41, 0x80], 1),          // lone continuation byte
        ([0xC1, 0x81], 0),          // overlong two-byte form
        ([0xE0, 0x80, 0x80], 0),    // overlong three-byte form
        ([0xED, 0xA0, 0x80], 0),    // surrogate U+D800
        ([0xF0, 0x80, 0x80, 0x80], 0),  // overlong four-byte form
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0x41, 0x42, 0xE2, 0x82], 2),  // truncated at the end
        ([0xE2, 0x28, 0xA1], 0),        // bad second byte
        ([0xF0, 0x9F, 0x98, 0x41], 0),  // bad fourth byte
    ] as [([UInt8], Int?)])
    func utf8(bytes: [UInt8], firstInvalid: Int?) {
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == firstInvalid)
    }

    @Test("JSON paths", arguments: [
        ("tin", "$.tin"),
        ("name_control", "$.name_control"),
        ("first name", #"$["first name"]"#),
        ("9lives", #"$["9lives"]"#),
        ("a\"b", #"$["a\"b"]"#),
        ("tab\t", #"$["tab\u0009"]"#),
        ("", #"$[""]"#),
    ])
    func paths(key: String, path: String) {
        #expect(JSONPath.appending(key: key, to: "$") == path)
    }
}
