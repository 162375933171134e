// libFuzzer target: `DocumentParser.parse(bytes:fileName:)` on a `.csv` file (TDS bulk requests).
//
// Asserted beyond "no crash":
// - the outcome is a transcript request or a rejection with at least one problem, every code
//   SUB-003 or SUB-005, and parsing is deterministic;
// - SUB-003 comes exactly from invalid UTF-8 or a CSV syntax error, and then alone;
// - an accepted file gives at least one line, each from a CSV row (rows increasing, after the
//   header): a request with one period and non-empty tin, name control, form and period, or a
//   refused row with SUB-005 problems on that row;
// - every record the CSV reader returns survives a round trip: written back with every field quoted
//   it reads as the same fields.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let outcome = DocumentParser.parse(bytes: bytes, fileName: "fuzz.csv")
    require(DocumentParser.parse(bytes: bytes, fileName: "again.csv") == outcome, "parsing is not deterministic")

    let validUTF8 = UTF8Validation.firstInvalidOffset(in: bytes) == nil
    var records: [CSVRecord]?
    if validUTF8 {
        do { records = try CSVParser.records(bytes) } catch {}
    }
    switch outcome {
    case .document(let document):
        require(records != nil, "accepted a file that is not valid CSV")
        guard case .transcriptRequest(let request) = document else {
            fatalError("fuzz property violated: a CSV gave a \(document.kind) document")
        }
        require(request.clientRef == nil, "a CSV request has a clientRef")
        require(!request.lines.isEmpty, "accepted a request without lines")
        var previousRow = 1
        for entry in request.lines {
            let row: Int
            switch entry {
            case .refusedRow(let refused, let problems):
                row = refused
                require(!problems.isEmpty && problems.allSatisfy { $0.code == "SUB-005" && $0.path?.hasPrefix("$[row \(row)]") == true },
                        "a refused row has problems \(problems)")
            case .request(let line):
                guard case .csv(let csvRow) = line.source else {
                    fatalError("fuzz property violated: a CSV line has source \(line.source)")
                }
                row = csvRow
                require(line.periods.count == 1, "a CSV line has \(line.periods.count) periods")
                require(![line.tin, line.nameControl, line.form, line.periods[0]].contains(""), "an empty required value was accepted")
            }
            require(row > previousRow, "rows not increasing: \(row) after \(previousRow)")
            previousRow = row
        }
    case .rejected(let problems):
        require(!problems.isEmpty, "rejected without a problem")
        let codes = problems.map(\.code)
        require(codes.allSatisfy { $0 == "SUB-003" || $0 == "SUB-005" }, "unexpected codes \(codes)")
        if records == nil {
            require(codes == ["SUB-003"], "invalid UTF-8 or CSV syntax gave \(codes)")
        } else {
            require(!codes.contains("SUB-003"), "well-formed CSV gave \(codes)")
        }
    }

    if let records {
        let written = CSVWriter.write(records)
        let reread: [CSVRecord]
        do {
            reread = try CSVParser.records(Array(written.utf8))
        } catch {
            fatalError("fuzz property violated: written-back CSV does not parse: \(error)")
        }
        require(reread.map(\.fields) == records.map(\.fields), "CSV round trip changed the fields")
    }
    return 0
}

/// Writes CSV records back with every field in double quotes (quotes doubled) and CRLF line ends.
enum CSVWriter {
    static func write(_ records: [CSVRecord]) -> String {
        records.map { record in
            record.fields.map(quoted).joined(separator: ",")
        }.joined(separator: "\r\n")
    }

    private static func quoted(_ field: String) -> String {
        var out = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { out += "\"" }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }
}
