/// The CSV form of a transcript request (SPEC 5.6): a header row naming the columns
/// `tin,name_control,product,form,period` and then, optionally and in this order,
/// `customer_file_number,unmasked,format`; then one item per row. Rows are numbered like a
/// spreadsheet's: the header is usually row 1 and the first data row row 2 (`CSVRecord.row`).
///
/// Spreadsheet files are read as spreadsheets write them: header names are matched without regard
/// to letter case or surrounding blanks, and empty names after the last column (Excel's `format,`)
/// are dropped; cells are read by `CSVParser` (trimmed, empty rows skipped); a row shorter than
/// the header reads its missing cells as empty, and one longer may have only empty cells past it.
///
/// Only a file that cannot be read as a table is rejected whole (`SUB-005` on the header or `$`):
/// no header, an unknown, repeated, missing or misplaced column, no data row. A problem in one row
/// refuses that row only (`TranscriptRequest.Line.refusedRow`): a missing required cell, an unknown
/// product, `unmasked` or `format`, a control character, a value past the header's columns. An
/// empty `customer_file_number` means none, an empty `unmasked` false (otherwise `true`/`false` in
/// any case), an empty `format` text. Every problem is `SUB-005` with a path such as
/// `$[row 3].product`.
enum TranscriptCSV {
    static let requiredColumns: [TranscriptField] = [.tin, .nameControl, .product, .form, .period]
    static let optionalColumns: [TranscriptField] = [.customerFileNumber, .unmasked, .format]

    /// Maps the records of a CSV file to a transcript request, or reports why it is not a table.
    static func outcome(from records: [CSVRecord]) -> ParseOutcome {
        let problems = SchemaProblems()
        guard let header = records.first else {
            problems.report("the file is empty; a header row is required", at: JSONPath.root)
            return .rejected(problems.problems)
        }
        guard let columns = self.columns(header, problems) else { return .rejected(problems.problems) }
        let rows = records.dropFirst()
        guard !rows.isEmpty else {
            problems.report("the file has a header but no rows", at: JSONPath.root)
            return .rejected(problems.problems)
        }
        return .document(.transcriptRequest(TranscriptRequest(lines: rows.map { line($0, columns: columns) })))
    }

    /// The field each header column holds, or nil after reporting what is wrong with the header.
    private static func columns(_ header: CSVRecord, _ problems: SchemaProblems) -> [TranscriptField]? {
        let headerPath = JSONPath.row(header.row)
        let all = requiredColumns + optionalColumns
        let names = header.fields.map { CSVParser.trimmingBlanks($0).lowercased() }
        let named = names.lastIndex { !$0.isEmpty }.map { names[...$0] } ?? []
        var columns: [TranscriptField] = []
        for (index, name) in named.enumerated() {
            let written = header.fields[index]
            guard let field = all.first(where: { $0.csvColumn == name }) else {
                problems.report("unknown column \(index + 1); the columns are \(all.map(\.csvColumn).joined(separator: ","))",
                                at: JSONPath.appending(key: written, to: headerPath))
                continue
            }
            if columns.contains(field) {
                problems.report("duplicate column", at: JSONPath.appending(key: written, to: headerPath))
                continue
            }
            columns.append(field)
        }
        for field in requiredColumns where !columns.contains(field) {
            problems.report("missing column \"\(field.csvColumn)\"", at: headerPath)
        }
        guard problems.isEmpty else { return nil }
        let positions = columns.compactMap { all.firstIndex(of: $0) }
        if positions != positions.sorted() {
            problems.report("columns must be in the order \(all.map(\.csvColumn).joined(separator: ","))", at: headerPath)
            return nil
        }
        return columns
    }

    /// One data row as a request, or refused with every problem it has.
    private static func line(_ record: CSVRecord, columns: [TranscriptField]) -> TranscriptRequest.Line {
        let problems = SchemaProblems()
        let rowPath = JSONPath.row(record.row)
        func path(_ field: TranscriptField) -> String { rowPath + "." + field.csvColumn }

        if let extra = record.fields.indices.dropFirst(columns.count).first(where: { !record.fields[$0].isEmpty }) {
            problems.report("has a value in column \(extra + 1); the header names \(columns.count) columns", at: rowPath)
        }
        var cells: [TranscriptField: String] = [:]
        for (field, value) in zip(columns, record.fields) {
            // Control characters other than line breaks and tabs (NUL, vertical tab …) have no place
            // in any cell; JSON refuses them raw too.
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\t\n\r".unicodeScalars.contains($0) }) {
                problems.report("contains a control character", at: path(field))
            }
            cells[field] = value
        }
        func required(_ field: TranscriptField) -> String? {
            guard let value = cells[field], !value.isEmpty else {
                problems.report("missing value for \"\(field.csvColumn)\"", at: path(field))
                return nil
            }
            return value
        }

        let tin = required(.tin)
        let nameControl = required(.nameControl)
        var product: TranscriptProduct?
        if let text = required(.product) {
            product = TranscriptProduct(rawValue: text)
            if product == nil { problems.report("must be one of \(TranscriptProduct.allowedValuesDescription)", at: path(.product)) }
        }
        let form = required(.form)
        let period = required(.period)
        let customerFileNumber = cells[.customerFileNumber].flatMap { $0.isEmpty ? nil : $0 }
        var unmasked = false
        switch cells[.unmasked]?.lowercased() {
        case nil, "", "false": unmasked = false
        case "true": unmasked = true
        default: problems.report("must be true, false or empty", at: path(.unmasked))
        }
        var format = OutputFormat.text
        if let text = cells[.format], !text.isEmpty {
            if let value = OutputFormat(rawValue: text) {
                format = value
            } else {
                problems.report("must be one of \(OutputFormat.allowedValuesDescription) or empty", at: path(.format))
            }
        }
        guard problems.isEmpty, let tin, let nameControl, let product, let form, let period else {
            return .refusedRow(row: record.row, problems: problems.problems)
        }
        return .request(TranscriptRequestLine(
            tin: tin, nameControl: nameControl, product: product, form: form, periods: [period],
            customerFileNumber: customerFileNumber, unmasked: unmasked, format: format,
            source: .csv(row: record.row)))
    }
}
