/// The CSV form of a transcript request (SPEC 5.6): a header row naming the columns
/// `tin,name_control,product,form,period` and then, optionally and in this order,
/// `customer_file_number,unmasked,format`; then one item per row.
///
/// Header names are exact (case and spaces count). Empty required cells are reported as missing;
/// an empty `customer_file_number` means none, an empty `unmasked` false (otherwise `true`/`false`
/// in any case), an empty `format` text. Every problem is `SUB-005` with a path such as
/// `$[row 3].product`.
enum TranscriptCSV {
    static let requiredColumns: [TranscriptField] = [.tin, .nameControl, .product, .form, .period]
    static let optionalColumns: [TranscriptField] = [.customerFileNumber, .unmasked, .format]

    /// Maps the records of a CSV file to a transcript request, or reports every problem found.
    static func outcome(from records: [CSVRecord]) -> ParseOutcome {
        let problems = SchemaProblems()
        guard let header = records.first else {
            problems.report("the file is empty; a header row is required", at: JSONPath.root)
            return .rejected(problems.problems)
        }
        guard let columns = self.columns(header, problems) else { return .rejected(problems.problems) }
        let rows = records.dropFirst()
        if rows.isEmpty {
            problems.report("the file has a header but no rows", at: JSONPath.root)
        }
        var lines: [TranscriptRequestLine] = []
        lines.reserveCapacity(rows.count)
        for record in rows {
            if let line = self.line(record, columns: columns, header: header.fields.count, problems) {
                lines.append(line)
            }
        }
        guard problems.isEmpty else { return .rejected(problems.problems) }
        return .document(.transcriptRequest(TranscriptRequest(requests: lines)))
    }

    /// The field each header column holds, or nil after reporting what is wrong with the header.
    private static func columns(_ header: CSVRecord, _ problems: SchemaProblems) -> [TranscriptField]? {
        let headerPath = JSONPath.row(header.row)
        let all = requiredColumns + optionalColumns
        var columns: [TranscriptField] = []
        for (index, name) in header.fields.enumerated() {
            guard let field = all.first(where: { $0.csvColumn == name }) else {
                problems.report("unknown column \(index + 1); the columns are \(all.map(\.csvColumn).joined(separator: ","))",
                                at: JSONPath.appending(key: name, to: headerPath))
                continue
            }
            if columns.contains(field) {
                problems.report("duplicate column", at: JSONPath.appending(key: name, to: headerPath))
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

    private static func line(
        _ record: CSVRecord, columns: [TranscriptField], header: Int, _ problems: SchemaProblems
    ) -> TranscriptRequestLine? {
        let rowPath = JSONPath.row(record.row)
        guard record.fields.count == header else {
            problems.report("has \(record.fields.count) fields, the header has \(header)", at: rowPath)
            return nil
        }
        var cells: [TranscriptField: String] = [:]
        let before = problems.problems.count
        for (field, value) in zip(columns, record.fields) {
            // Control characters other than line breaks and tabs (NUL, vertical tab …) have no place
            // in any cell; JSON refuses them raw too.
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\t\n\r".unicodeScalars.contains($0) }) {
                problems.report("contains a control character", at: rowPath + "." + field.csvColumn)
            }
            cells[field] = value
        }

        func path(_ field: TranscriptField) -> String { rowPath + "." + field.csvColumn }
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
        guard problems.problems.count == before, let tin, let nameControl, let product, let form, let period else {
            return nil
        }
        return TranscriptRequestLine(
            tin: tin, nameControl: nameControl, product: product, form: form, periods: [period],
            customerFileNumber: customerFileNumber, unmasked: unmasked, format: format,
            source: .csv(row: record.row))
    }
}
