import Testing
@testable import SordCore

/// CSV files as spreadsheets and people write them (issue 12, SPEC 5.6): the file is read as a
/// table, and each row is an item answered on its own.
@Suite("Transcript requests in CSV from spreadsheets")
struct CSVSpreadsheetTests {
    static let header6 = "tin,name_control,product,form,period,customer_file_number"

    /// Each readable item as `row tin name-control product form period customer-file-number`, and
    /// the paths of the refused rows' problems.
    static func read(_ text: String) -> (items: [String], refused: [String])? {
        guard case .document(.transcriptRequest(let request)) = DocumentParser.parse(bytes: Array(text.utf8), fileName: "bulk.CSV")
        else { return nil }
        let items = request.items.map { item in
            "\(item.path) \(item.tin) \(item.nameControl) \(item.product.rawValue) \(item.form) \(item.period) \(item.customerFileNumber ?? "-")"
        }
        return (items, request.refusedItems.flatMap(\.problems).map { $0.path ?? "-" })
    }

    @Test("spreadsheet files are read as tables", arguments: [
        // Excel leaves rows of bare commas where rows were cleared (issue 12, 4a).
        (header6 + "\r\n442-93-2384,TEAK,account,1040,2025,16\r\n,,,,,\r\n,,,,,\r\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 16"]),
        // A row shorter than the header reads its missing cells as empty (4b).
        (header6 + "\r\n442-93-2384,TEAK,account,1040,2025\r\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 -"]),
        // Header names in any letter case and with blanks around them (4c).
        ("TIN,Name_Control,Product,Form,Period,Customer_File_Number\r\n442-93-2384,TEAK,account,1040,2025,16\r\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 16"]),
        ("tin, name_control, product, form, period, customer_file_number\r\n442-93-2384,TEAK,account,1040,2025,16\r\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 16"]),
        ("\"TIN \",\" Name_Control\",\"PRODUCT\",\"form\",\"period\"\r\n442-93-2384,TEAK,account,1040,2025\r\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 -"]),
        // A byte order mark (Excel's "CSV UTF-8"), and blank or cleared rows at the end.
        ("\u{FEFF}" + header6 + "\r\n442-93-2384,TEAK,account,1040,2025,16\r\n\r\n\r\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 16"]),
        // Cleared rows above the header: the header is the first row with a value, rows keep their numbers.
        (",,,,,\r\n" + header6 + "\r\n442-93-2384,TEAK,account,1040,2025,16\r\n",
         ["$[row 3] 442-93-2384 TEAK account 1040 2025 16"]),
        // Lone CR line ends (Excel for Mac's "CSV (Macintosh)"), no line end after the last row.
        (header6 + "\r442-93-2384,TEAK,account,1040,2025,16\r442-93-2384,TEAK,account,1040,2024,17",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 16", "$[row 3] 442-93-2384 TEAK account 1040 2024 17"]),
        // Unquoted cells are trimmed of spaces and tabs; quoted cells keep their blanks for the TDS rules.
        (header6 + "\n 442-93-2384 ,\tTEAK\t, account ,1040 , 2025, 16 \n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 16"]),
        (header6 + "\n\"442-93-2384\",\"ASH \",account,1040,2025,\" 16\"\n",
         ["$[row 2] 442-93-2384 ASH  account 1040 2025  16"]),
        // An Excel header with an empty column after the last, and rows padded with commas.
        (header6 + ",unmasked,format,\r\n442-93-2384,TEAK,account,1040,2025,16,false,text,\r\n442-93-2384,TEAK,account,1040,2024,,,,,,\r\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 16", "$[row 3] 442-93-2384 TEAK account 1040 2024 -"]),
        // Every cell quoted, as some exports write them.
        ("\"tin\",\"name_control\",\"product\",\"form\",\"period\"\n\"442-93-2384\",\"TEAK\",\"account\",\"1040\",\"2025\"\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 -"]),
    ])
    func readAsTables(text: String, expected: [String]) throws {
        let read = try #require(Self.read(text))
        #expect(read.items == expected)
        #expect(read.refused == [])
    }

    @Test("a problem in one row refuses that item only", arguments: [
        // One typo among good rows (issue 12, 4d): row 3 is the second data row, the header being row 1.
        (header6 + "\n442-93-2384,TEAK,account,1040,2025,1\n442-93-2384,TEAK,acount,1040,2024,2\n442-93-2384,TEAK,account,1040,2023,3\n",
         ["$[row 2] 442-93-2384 TEAK account 1040 2025 1", "$[row 4] 442-93-2384 TEAK account 1040 2023 3"],
         ["$[row 3].product"]),
        // A missing required cell, a short row missing the period, and a cleared row that is skipped.
        (header6 + "\n442-93-2384,,account,1040,2025\n,,,,,\n442-93-2384,TEAK,account,1040\n442-93-2384,TEAK,return,1040,2024\n",
         ["$[row 5] 442-93-2384 TEAK return 1040 2024 -"],
         ["$[row 2].name_control", "$[row 4].period"]),
        // A value past the header's columns; a product in the wrong letter case; a bad format.
        (header6 + ",format\n442-93-2384,TEAK,account,1040,2025,,text,oops\n442-93-2384,TEAK,Account,1040,2025\n442-93-2384,TEAK,account,1040,2025,,pdf\n442-93-2384,TEAK,entity,1120,2024-12\n",
         ["$[row 5] 442-93-2384 TEAK entity 1120 2024-12 -"],
         ["$[row 2]", "$[row 3].product", "$[row 4].format"]),
        // A bad TIN or period is not a schema problem: the row is an item and the TDS rules answer it (TDS-101, TDS-105).
        (header6 + "\n442-93-238,TEAK,account,1040,25\n",
         ["$[row 2] 442-93-238 TEAK account 1040 25 -"], []),
    ])
    func oneRowOneItem(text: String, items: [String], refused: [String]) throws {
        let read = try #require(Self.read(text))
        #expect(read.items == items)
        #expect(read.refused == refused)
    }

    @Test("only a file that cannot be read as a table is rejected whole", arguments: [
        ("", "SUB-005 $"),                                                          // no header
        (",,,,,\r\n,,,,,\r\n", "SUB-005 $"),                                        // only cleared rows
        (header6 + "\r\n,,,,,\r\n", "SUB-005 $"),                                   // a header and no rows
        (header6 + ",notes\r\n442-93-2384,TEAK,account,1040,2025,16,x\r\n", "SUB-005 $[row 1].notes"), // unknown column
        (header6 + ",Customer_File_Number\r\n442-93-2384,TEAK,account,1040,2025,16,16\r\n",
         "SUB-005 $[row 1].Customer_File_Number"),                                 // repeated column
        (header6 + "\r\n442-93-2384,\"TEAK,account,1040,2025,16\r\n", "SUB-003 $[row 2]"), // broken quote
    ])
    func wholeFileRejections(text: String, first: String) {
        let outcome = DocumentParser.parse(bytes: Array(text.utf8), fileName: "bulk.csv")
        #expect(DocumentFixtures.codesAndPaths(outcome).first == first)
    }
}
