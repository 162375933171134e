import Testing
@testable import SordCore

/// Hostile inputs of the kind the libFuzzer targets in `Fuzz/` produce (deep nesting, invalid UTF-8
/// inside strings, lone surrogates, huge numbers, NUL bytes, broken CSV quoting), kept as byte
/// literals so each stays a fixed, replayable case. Each must be answered with the right code,
/// never a trap.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func codes(_ bytes: [UInt8], _ fileName: String) -> [String] {
        switch DocumentParser.parse(bytes: bytes, fileName: fileName) {
        case .document: []
        case .rejected(let problems): problems.map(\.code)
        }
    }

    static func problems(_ bytes: [UInt8], _ fileName: String) -> [Problem] {
        switch DocumentParser.parse(bytes: bytes, fileName: fileName) {
        case .document: []
        case .rejected(let problems): problems
        }
    }

    static let prefix = Array(#"{"type":"caf-link","caf":""#.utf8)
    static let suffix = Array(#""}"#.utf8)

    @Test("invalid UTF-8 inside a string value is SUB-003 at its offset", arguments: [
        [0xC3, 0x28] as [UInt8],        // lead byte without continuation
        [0xC0, 0xAF],                   // overlong "/"
        [0xE0, 0x80, 0xAF],             // overlong three-byte form
        [0xED, 0xA0, 0x80],             // UTF-16 surrogate D800 encoded in UTF-8
        [0xF4, 0x90, 0x80, 0x80],       // above U+10FFFF
        [0xF0, 0x9F, 0x98],             // truncated four-byte sequence
        [0xFF],
        [0x80],                         // lone continuation byte
    ])
    func invalidUTF8InString(bad: [UInt8]) {
        let bytes = Self.prefix + bad + Self.suffix
        let problems = Self.problems(bytes, "f.json")
        #expect(problems.map(\.code) == ["SUB-003"])
        #expect(problems.first?.message.contains("offset \(Self.prefix.count)") == true)
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == Self.prefix.count)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test("escaped lone surrogates and bad escapes are SUB-003", arguments: [
        #"\ud800"#, #"\udc00"#, #"\ud800\u0041"#, #"\ud83d"#, #"\u12"#, #"\x41"#, #"\"#,
    ])
    func badEscapes(escape: String) {
        let bytes = Self.prefix + Array(escape.utf8) + Self.suffix
        #expect(Self.codes(bytes, "f.json") == ["SUB-003"])
    }

    @Test func escapedSurrogatePairAndNULAreKept() throws {
        let bytes = Array(#"{"type":"caf-link","caf":"\ud83d\ude00\u0000"}"#.utf8)
        guard case .document(.cafLink(let link)) = DocumentParser.parse(bytes: bytes, fileName: "f.json") else {
            Issue.record("not accepted")
            return
        }
        #expect(link.caf == "\u{1F600}\u{0}")
    }

    @Test("nesting up to 64 levels parses; deeper is a syntax error, even 100,000 deep")
    func deepNesting() {
        let at64 = [UInt8](repeating: UInt8(ascii: "["), count: 64) + [UInt8](repeating: UInt8(ascii: "]"), count: 64)
        #expect(Self.codes(at64, "f.json") == ["SUB-005"])
        let at65 = [UInt8](repeating: UInt8(ascii: "["), count: 65) + [UInt8](repeating: UInt8(ascii: "]"), count: 65)
        #expect(Self.codes(at65, "f.json") == ["SUB-003"])
        let hostile = Array(#"{"type":"caf-link","caf":"#.utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let problems = Self.problems(hostile, "f.json")
        #expect(problems.map(\.code) == ["SUB-003"])
        #expect(problems.first?.message.contains("nested deeper than 64 levels") == true)
    }

    @Test("raw NUL and other control bytes in JSON strings are SUB-003", arguments: [0x00, 0x01, 0x0A, 0x1F] as [UInt8])
    func rawControlBytes(byte: UInt8) {
        #expect(Self.codes(Self.prefix + [UInt8(ascii: "A"), byte] + Self.suffix, "f.json") == ["SUB-003"])
    }

    @Test func nulBytesOutsideStringsAreSyntaxErrors() {
        #expect(Self.codes([0x00], "f.json") == ["SUB-003"])
        #expect(Self.codes(Array(#"{"type":"caf-link","caf":"x"}"#.utf8) + [0x00], "f.json") == ["SUB-003"])
    }

    @Test func escapedNULInAKeyIsAnUnknownFieldWithAnEscapedPath() {
        let bytes = Array(#"{"type":"caf-link","caf":"0312-34567","\u0000key":1}"#.utf8)
        let problems = Self.problems(bytes, "f.json")
        #expect(problems.map(\.code) == ["SUB-005"])
        #expect(problems.first?.path == #"$["\u0000key"]"#)
    }

    @Test("huge numbers are kept as text and refused where a string is due", arguments: [
        "1e999999999", "-0.0000000000000000000000000001e-99999",
        String(repeating: "9", count: 20_000), "123456789012345678901234567890",
    ])
    func hugeNumbers(number: String) {
        let bytes = Array(#"{"type":"caf-link","caf":"#.utf8) + Array(number.utf8) + [UInt8(ascii: "}")]
        let problems = Self.problems(bytes, "f.json")
        #expect(problems.map(\.code) == ["SUB-005"])
        #expect(problems.first?.path == "$.caf")
        #expect(problems.first?.message.contains(number) == false)
    }

    @Test("malformed numbers are SUB-003", arguments: ["01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "--1", "1.e3"])
    func malformedNumbers(number: String) {
        let bytes = Array(#"{"type":"caf-link","caf":"#.utf8) + Array(number.utf8) + [UInt8(ascii: "}")]
        #expect(Self.codes(bytes, "f.json") == ["SUB-003"])
    }

    @Test func duplicateTypeIsReportedOnce() {
        let bytes = Array(#"{"type":"caf-link","type":"withdrawal","caf":"0312-34567"}"#.utf8)
        let problems = Self.problems(bytes, "f.json")
        #expect(problems.map(\.code) == ["SUB-005"])
        #expect(problems.first?.path == "$.type")
    }

    @Test func aSecondByteOrderMarkIsASyntaxError() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(Self.codes(bom + bom + Array("{}".utf8), "f.json") == ["SUB-003"])
        #expect(Self.codes(bom + Array("{}".utf8), "f.json") == ["SUB-004"])
    }

    @Test("the file name decides the format and nothing else", arguments: ["f.json ", "f.txt", "", ".csv.", "f.jsonx"])
    func unsupportedNames(name: String) {
        #expect(Self.codes(Array("{}".utf8), name) == ["SUB-008"])
    }

    // Inputs the fuzzer's corpus grew (JSON target), kept byte for byte.

    /// `{"type": "caf-link", "caf": "0312-"}`: the parser keeps identifiers as submitted (the CAF
    /// rules judge them later, ID-002), so a truncated CAF number is still a well-formed document.
    static let grownTruncatedCAF: [UInt8] = [
        0x7B, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3A, 0x20, 0x22, 0x63, 0x61, 0x66, 0x2D, 0x6C, 0x69,
        0x6E, 0x6B, 0x22, 0x2C, 0x20, 0x22, 0x63, 0x61, 0x66, 0x22, 0x3A, 0x20, 0x22, 0x30, 0x33, 0x31,
        0x32, 0x2D, 0x22, 0x7D,
    ]

    /// An authorization decision whose request id holds seven raw DEL (0x7F) bytes, which JSON
    /// allows unescaped: accepted, and the bytes survive unchanged.
    static let grownDELInString: [UInt8] = Array(#"{"type": "authorization-decision", "request": "01JD3Q8Z"#.utf8)
        + [0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F] + Array(#"4", "decision": "approve"}"#.utf8)

    @Test func grownCorpusDocumentsKeepTheirValuesVerbatim() {
        guard case .document(.cafLink(let link)) = DocumentParser.parse(bytes: Self.grownTruncatedCAF, fileName: "f.json") else {
            Issue.record("truncated CAF number not kept as submitted")
            return
        }
        #expect(link.caf == "0312-")
        guard case .document(.authorizationDecision(let decision)) = DocumentParser.parse(bytes: Self.grownDELInString, fileName: "f.json") else {
            Issue.record("DEL bytes in a string not accepted")
            return
        }
        #expect(Array(decision.request.utf8) == Array("01JD3Q8Z".utf8) + [UInt8](repeating: 0x7F, count: 7) + [0x34])
    }

    /// From the JSON corpus: a control byte after three tabs in an array, an escaped low surrogate
    /// followed by a broken UTF-8 sequence, and a keyless member.
    @Test("grown syntax errors are SUB-003", arguments: [
        [0x5B, 0x09, 0x09, 0x09, 0x00] as [UInt8],
        [0x7B, 0x3A, 0x22, 0x5C, 0x75, 0x64, 0x63, 0x30, 0x30, 0xC3, 0x7D],
        [0x7B, 0x3A, 0x22, 0x5C, 0x75, 0x64, 0x63, 0x30, 0x30, 0x22, 0x7D],
        [0x7B, 0x22, 0x32, 0x30, 0x64, 0x5C, 0x75, 0x64, 0x65, 0x72, 0x5C, 0x7D],
    ])
    func grownSyntaxErrors(bytes: [UInt8]) {
        #expect(Self.codes(bytes, "f.json") == ["SUB-003"])
    }

    /// From the CSV corpus: NUL bytes inside an unquoted cell after a BOM and CR line ends. Control
    /// characters are refused in every cell (as JSON refuses them raw), naming the row and column;
    /// the row's item is refused, the file is still read.
    static let grownCSVWithNULs: [UInt8] = {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let head = Array("tin,name_control,product,form,period\r400-01-2346,TKA,wage-and-income,1040".utf8)
        let nuls = [UInt8](repeating: 0x00, count: 13)
        let tail = Array(",2024\r".utf8)
        return bom + head + nuls + tail
    }()

    @Test func csvCellsWithNULBytesAreRefused() {
        guard case .document(.transcriptRequest(let request)) = DocumentParser.parse(bytes: Self.grownCSVWithNULs, fileName: "r.csv") else {
            Issue.record("not read as a table")
            return
        }
        let problems = request.refusedItems.flatMap(\.problems)
        #expect(problems.map(\.code) == ["SUB-005"])
        #expect(problems.map(\.path) == ["$[row 2].form"])
    }

    static let header = Array("tin,name_control,product,form,period\n".utf8)

    @Test("broken CSV quoting is SUB-003 on the row where it starts", arguments: [
        ("400-01-2345,\"TEAK,account,1040,2024\n", 2),          // unterminated quote
        ("400-01-2345,\"TE\"AK,account,1040,2024\n", 2),       // text after the closing quote
        ("x,y,z,w,v\n400-01-2345,TE\"AK,account,1040,2024\n", 3), // quote inside an unquoted field
        ("\"", 2),
    ])
    func brokenQuoting(body: String, row: Int) {
        let problems = Self.problems(Self.header + Array(body.utf8), "r.csv")
        #expect(problems.map(\.code) == ["SUB-003"])
        #expect(problems.first?.path == "$[row \(row)]")
    }

    @Test func invalidUTF8InACSVCellIsSUB003() {
        #expect(Self.codes(Self.header + Array("400-01-2345,TE".utf8) + [0xC3, 0x28] + Array(",account,1040,2024\n".utf8), "r.csv") == ["SUB-003"])
    }

    @Test func quotedCellsKeepCommasLineBreaksAndQuotes() throws {
        let text = "tin,name_control,product,form,period,customer_file_number\r\n"
            + "\"400-01-2345\",\"TEAK\",\"account\",\"1040\",\"2024\",\"a,\"\"b\"\"\r\nc\"\r\n"
        guard case .document(.transcriptRequest(let request)) = DocumentParser.parse(bytes: Array(text.utf8), fileName: "r.csv") else {
            Issue.record("not accepted")
            return
        }
        #expect(request.requests.map(\.customerFileNumber) == ["a,\"b\"\r\nc"])
        #expect(request.requests.map(\.source) == [.csv(row: 2)])
    }

    @Test func aHeaderOnlyOrEmptyCSVIsSUB005() {
        #expect(Self.codes([], "r.csv") == ["SUB-005"])
        #expect(Self.codes([0xEF, 0xBB, 0xBF], "r.csv") == ["SUB-005"])
        #expect(Self.codes(Self.header, "r.csv") == ["SUB-005"])
        #expect(Self.codes(Array("\n\n\r\n".utf8), "r.csv") == ["SUB-005"])
    }

    @Test("name controls of hostile names stay in the MeF pattern", arguments: [
        ("\u{0}Te\u{0}ak", "TEAK"), ("-\u{0301}\u{0301}o'neil-smith", "ONEI"), ("Жуков-Ng", "NG"),
        ("e\u{0301}e\u{0301}e\u{0301}e\u{0301}e", "EEEE"), ("ß", "SS"), ("ı", "I"),
    ])
    func hostilePersonNames(last: String, expected: String) throws {
        let control = try NameControl.person(lastName: last)
        #expect(control.value == expected)
        #expect(NameControl.matchesPattern(control.value, kind: .person))
    }

    @Test("names with nothing to derive from throw, never trap", arguments: ["", "\u{0}", "王", "' . ,", "\u{0301}", "\u{FFFD}"])
    func nothingToDerive(name: String) {
        #expect(throws: NameControlError.nothingToDerive) { try NameControl.person(lastName: name) }
        #expect(throws: NameControlError.nothingToDerive) { try NameControl.business(name) }
    }

    @Test("identifier parsers refuse near misses", arguments: [
        "400-01-2345\u{0}", "４00-01-2345", "400-01-23456", "400--01-2345", "-", "", "0312-34567RR", "P0123456７",
    ])
    func identifierNearMisses(text: String) {
        #expect(throws: IdentifierError.self) { try TIN(parsing: text) }
        #expect(throws: IdentifierError.self) { try CAFNumber(parsing: text) }
        #expect(throws: IdentifierError.self) { try PTIN(parsing: text) }
        #expect(throws: IdentifierError.self) { try ZIPCode(parsing: text) }
        #expect(throws: IdentifierError.self) { try Day(parsing: text) }
    }
}
