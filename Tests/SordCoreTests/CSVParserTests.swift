import Testing
@testable import SordCore

@Suite("CSV records (RFC 4180)")
struct CSVParserTests {
    static func fields(_ text: String) throws -> [[String]] {
        try CSVParser.records(Array(text.utf8)).map(\.fields)
    }

    @Test("records and fields", arguments: [
        ("a,b,c", [["a", "b", "c"]]),
        ("a,b,c\n", [["a", "b", "c"]]),
        ("a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
        ("a,b\rc,d", [["a", "b"], ["c", "d"]]),
        ("a,b\nc,d", [["a", "b"], ["c", "d"]]),
        ("a,,c", [["a", "", "c"]]),
        ("a,", [["a", ""]]),
        ("a,\n", [["a", ""]]),
        (",", []),
        (",,,\r\n,,,\r\n", []),
        ("\"a,b\",c", [["a,b", "c"]]),
        ("\"say \"\"hi\"\"\",x", [["say \"hi\"", "x"]]),
        ("\"line one\nline two\",x\n", [["line one\nline two", "x"]]),
        ("\"crlf\r\ninside\"\r\n", [["crlf\r\ninside"]]),
        ("\"\"", []),
        ("\"\",\"\"", []),
        ("a,,\n,,\nb,,", [["a", "", ""], ["b", "", ""]]),
        ("\"a\"\n\"b\"", [["a"], ["b"]]),
        ("O'Neil,é,😀", [["O'Neil", "é", "😀"]]),
        (" a , b ", [["a", "b"]]),
        ("\t a\t,b \t", [["a", "b"]]),
        ("\" a \",\"b \"", [[" a ", "b "]]),
        (" \" a \" , \"b\"\t", [[" a ", "b"]]),
        ("a b , c  d", [["a b", "c  d"]]),
        ("  ,\n", []),
        ("", []),
        ("\n\n", []),
        ("a\n\n\nb\n\n", [["a"], ["b"]]),
        ("\u{FEFF}tin,x", [["tin", "x"]]),
    ])
    func records(text: String, expected: [[String]]) throws {
        #expect(try Self.fields(text) == expected)
    }

    @Test func rowNumbersCountSkippedRowsButNotQuotedLineBreaks() throws {
        let records = try CSVParser.records(Array("h\n\"a\nb\"\n\n,,\nc\n".utf8))
        #expect(records == [
            CSVRecord(row: 1, fields: ["h"]), CSVRecord(row: 2, fields: ["a\nb"]), CSVRecord(row: 5, fields: ["c"]),
        ])
    }

    @Test("trimming blanks", arguments: [
        ("", ""), ("  ", ""), (" a ", "a"), ("\ta b\t", "a b"), ("é ", "é"), (" 😀", "😀"), ("\u{A0}a", "\u{A0}a"),
    ])
    func trimmingBlanks(text: String, expected: String) {
        #expect(CSVParser.trimmingBlanks(text) == expected)
    }

    @Test("syntax errors", arguments: [
        ("a,\"open", 1, "a quoted field is not closed"),
        ("h\n\"open\nstill open", 2, "a quoted field is not closed"),
        ("h\na\"b,c", 2, "a quote inside an unquoted field; quote the whole field and double the quote"),
        ("h\nx\n\"ab\"c,d", 3, "text after the closing quote of a field"),
        ("\"ab\" x,c", 1, "text after the closing quote of a field"),
        (" x \"a\",c", 1, "a quote inside an unquoted field; quote the whole field and double the quote"),
    ])
    func syntaxErrors(text: String, row: Int, reason: String) {
        #expect(throws: CSVSyntaxError(row: row, reason: reason)) { try Self.fields(text) }
    }
}
