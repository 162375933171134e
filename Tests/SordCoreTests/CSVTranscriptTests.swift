import Testing
@testable import SordCore

@Suite("Transcript requests in CSV")
struct CSVTranscriptTests {
    static let header = "tin,name_control,product,form,period,customer_file_number,unmasked,format"

    static func parse(_ text: String) -> ParseOutcome {
        DocumentParser.parse(bytes: Array(text.utf8), fileName: "requests.csv")
    }

    static func request(_ text: String) -> TranscriptRequest? {
        guard case .transcriptRequest(let request)? = DocumentFixtures.document(parse(text)) else { return nil }
        return request
    }

    static func lines(_ text: String) -> [TranscriptRequestLine]? {
        request(text)?.requests
    }

    @Test func fullRowsBecomeOneLineAndOneItemEach() throws {
        let text = Self.header + "\r\n"
            + "400-01-2345,TEAK,account,1040,2024,1234567890,false,text\r\n"
            + "\"400-01-2345\",\"TEAK\",wage-and-income,1040,2023,,TRUE,json\r\n"
            + "12-3456789,P&PC,entity,1120,2023-12,,,\r\n"
        let outcome = Self.parse(text)
        #expect(DocumentFixtures.problems(outcome) == [])
        guard case .transcriptRequest(let request)? = DocumentFixtures.document(outcome) else {
            Issue.record("not a transcript request")
            return
        }
        #expect(request.clientRef == nil)
        #expect(request.requests == [
            TranscriptRequestLine(tin: "400-01-2345", nameControl: "TEAK", product: .account, form: "1040",
                                  periods: ["2024"], customerFileNumber: "1234567890", unmasked: false, format: .text,
                                  source: .csv(row: 2)),
            TranscriptRequestLine(tin: "400-01-2345", nameControl: "TEAK", product: .wageAndIncome, form: "1040",
                                  periods: ["2023"], customerFileNumber: nil, unmasked: true, format: .json,
                                  source: .csv(row: 3)),
            TranscriptRequestLine(tin: "12-3456789", nameControl: "P&PC", product: .entity, form: "1120",
                                  periods: ["2023-12"], source: .csv(row: 4)),
        ])
        let items = request.items
        #expect(items.map(\.path) == ["$[row 2]", "$[row 3]", "$[row 4]"])
        #expect(items[1].path(of: .nameControl) == "$[row 3].name_control")
        #expect(items[1].path(of: .period) == "$[row 3].period")
        #expect(items[2].path(of: .customerFileNumber) == "$[row 4].customer_file_number")
    }

    @Test("optional columns may be left out, keeping the order", arguments: [
        "tin,name_control,product,form,period",
        "tin,name_control,product,form,period,customer_file_number",
        "tin,name_control,product,form,period,unmasked",
        "tin,name_control,product,form,period,format",
        "tin,name_control,product,form,period,customer_file_number,format",
        "tin,name_control,product,form,period,unmasked,format",
    ])
    func optionalColumns(header: String) throws {
        let columns = header.split(separator: ",").map(String.init)
        let values = ["tin": "400-01-2345", "name_control": "TEAK", "product": "return", "form": "1040",
                      "period": "2024", "customer_file_number": "42", "unmasked": "true", "format": "json"]
        let row = columns.map { values[$0] ?? "" }.joined(separator: ",")
        let lines = try #require(Self.lines(header + "\n" + row + "\n"))
        let line = try #require(lines.first)
        #expect(line.product == .return && line.periods == ["2024"])
        #expect(line.customerFileNumber == (columns.contains("customer_file_number") ? "42" : nil))
        #expect(line.unmasked == columns.contains("unmasked"))
        #expect(line.format == (columns.contains("format") ? .json : .text))
    }

    @Test("unmasked spellings", arguments: [
        ("true", true), ("TRUE", true), ("True", true), ("false", false), ("FALSE", false), ("", false),
    ])
    func unmaskedSpellings(cell: String, expected: Bool) {
        let lines = Self.lines("tin,name_control,product,form,period,unmasked\n1,A,wage-and-income,1040,2024,\(cell)\n")
        #expect(lines?.first?.unmasked == expected)
    }

    @Test("header errors", arguments: [
        ("", ["SUB-005 $"]),
        ("\n\n", ["SUB-005 $"]),
        (header, ["SUB-005 $"]),
        (header + "\n", ["SUB-005 $"]),
        ("tin,name_control,product,form,period,notes\n1,A,account,1040,2024,x", ["SUB-005 $[row 1].notes"]),
        ("tin,name_control,product,form\n1,A,account,1040", ["SUB-005 $[row 1]"]),
        ("TIN,TIN,name_control,product,form,period\n1,1,A,account,1040,2024", ["SUB-005 $[row 1].TIN"]),
        ("tin,,name_control,product,form,period\n1,,A,account,1040,2024", [#"SUB-005 $[row 1][""]"#]),
        ("tin;name_control;product;form;period\n1;A;account;1040;2024", [
            "SUB-005 $[row 1][\"tin;name_control;product;form;period\"]", "SUB-005 $[row 1]", "SUB-005 $[row 1]",
            "SUB-005 $[row 1]", "SUB-005 $[row 1]", "SUB-005 $[row 1]",
        ]),
        (",,,\n,,,\n", ["SUB-005 $"]),
        (header + "\n,,,,,,,\r\n,,,,,,,\r\n", ["SUB-005 $"]),
        ("tin,name_control,product,form,period,format,format\n1,A,account,1040,2024,text,text", ["SUB-005 $[row 1].format"]),
        ("name_control,tin,product,form,period\nA,1,account,1040,2024", ["SUB-005 $[row 1]"]),
        ("tin,name_control,product,form,period,format,unmasked\n1,A,account,1040,2024,text,", ["SUB-005 $[row 1]"]),
        ("tin,name control,product,form,period\n1,A,account,1040,2024", [#"SUB-005 $[row 1]["name control"]"#, "SUB-005 $[row 1]"]),
    ])
    func headerErrors(text: String, expected: [String]) {
        #expect(DocumentFixtures.codesAndPaths(Self.parse(text)) == expected)
    }

    @Test func headerMessagesSayWhatIsWrong() {
        let problems = DocumentFixtures.problems(Self.parse("tin,product,form,period,notes\n1,a,b,c,d\n"))
        #expect(problems == [
            Problem(.sub005, "unknown column 5; the columns are " + Self.header, path: "$[row 1].notes"),
            Problem(.sub005, "missing column \"name_control\"", path: "$[row 1]"),
        ])
    }

    @Test func aProblemInOneRowRefusesThatItemOnly() throws {
        let text = Self.header + "\n"
            + "400-01-2345,TEAK,account,1040,2024,,,\n"          // row 2: fine
            + "400-01-2345,TEAK,acount,1040,2024,,maybe,pdf\n"  // row 3: product, unmasked, format
            + "\n"                                               // row 4: blank, skipped
            + ",,return,,,,,\n"                                  // row 5: tin, name_control, form, period
            + "400-01-2345,TEAK,account\n"                       // row 6: too short for form and period
            + "\"1\",A,account,1040,2024,,,,extra\n"             // row 7: a value past the header
            + "400-01-2345,TEAK,return,1040,2023\n"              // row 8: fine, short but complete
        let request = try #require(Self.request(text))
        #expect(request.items.map(\.path) == ["$[row 2]", "$[row 8]"])
        #expect(request.items.map(\.index) == [0, 5])
        #expect(request.itemCount == 6)
        #expect(request.refusedItems == [
            RefusedTranscriptItem(index: 1, problems: [
                Problem(.sub005, #"must be one of "account", "record-of-account", "return", "wage-and-income", "verification-of-non-filing" or "entity""#,
                        path: "$[row 3].product"),
                Problem(.sub005, "must be true, false or empty", path: "$[row 3].unmasked"),
                Problem(.sub005, #"must be one of "text" or "json" or empty"#, path: "$[row 3].format"),
            ]),
            RefusedTranscriptItem(index: 2, problems: [
                Problem(.sub005, "missing value for \"tin\"", path: "$[row 5].tin"),
                Problem(.sub005, "missing value for \"name_control\"", path: "$[row 5].name_control"),
                Problem(.sub005, "missing value for \"form\"", path: "$[row 5].form"),
                Problem(.sub005, "missing value for \"period\"", path: "$[row 5].period"),
            ]),
            RefusedTranscriptItem(index: 3, problems: [
                Problem(.sub005, "missing value for \"form\"", path: "$[row 6].form"),
                Problem(.sub005, "missing value for \"period\"", path: "$[row 6].period"),
            ]),
            RefusedTranscriptItem(index: 4, problems: [
                Problem(.sub005, "has a value in column 9; the header names 8 columns", path: "$[row 7]"),
            ]),
        ])
        #expect(request.lines.count == 6)
    }

    @Test func aFileOfRefusedRowsIsStillARequestWhoseItemsAreAllRefused() throws {
        let request = try #require(Self.request(Self.header + "\n1,A,acount,1040,2024\n2,B,,1040,2024\n"))
        #expect(request.items.isEmpty)
        #expect(request.requests.isEmpty)
        #expect(request.itemCount == 2)
        #expect(request.refusedItems.map(\.index) == [0, 1])
        #expect(request.refusedItems.flatMap(\.problems).map(\.path) == ["$[row 2].product", "$[row 3].product"])
    }

    @Test func csvSyntaxErrorsAreSUB003WithTheRow() {
        let problems = DocumentFixtures.problems(Self.parse(Self.header + "\n1,\"TEAK,account,1040,2024,,,\n"))
        #expect(problems == [Problem(.sub003, "CSV syntax error in row 2: a quoted field is not closed.", path: "$[row 2]")])
    }

    @Test func aThousandRowsGiveAThousandItems() throws {
        var text = Self.header + "\r\n"
        for row in 0..<1_000 {
            text += "400-01-\(String(1000 + row)),TEAK,account,1040,\(2015 + row % 10),\(row),false,text\r\n"
        }
        let bytes = Array(text.utf8)
        let outcome: ParseOutcome? = DocumentParser.parse(bytes: bytes, fileName: "bulk.csv")
        guard case .transcriptRequest(let request)? = outcome.flatMap(DocumentFixtures.document) else {
            Issue.record("the CSV did not parse: \(outcome.map(DocumentFixtures.problems) ?? [])")
            return
        }
        let items = request.items
        #expect(items.count == 1_000)
        #expect(items.map(\.index) == Array(0..<1_000))
        #expect(items[999].path == "$[row 1001]")
        #expect(items[999].customerFileNumber == "999")
    }
}
