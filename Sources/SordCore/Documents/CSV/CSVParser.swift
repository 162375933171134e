/// One CSV record: its fields and its row number (from 1, counting every record including the header
/// and skipped blank lines, so it matches what a spreadsheet shows).
struct CSVRecord: Equatable {
    let row: Int
    let fields: [String]
}

/// Why CSV text could not be split into records; never quotes the content.
struct CSVSyntaxError: Error, Equatable {
    let row: Int
    let reason: String
}

/// The one CSV reader: RFC 4180 over UTF-8 bytes (already validated), made lenient the way
/// spreadsheet files need (SPEC 5.6). Comma-separated fields, records ended by CRLF, LF or a lone
/// CR, fields optionally in double quotes with `""` for a quote and with commas and line breaks
/// allowed inside. Unquoted fields are trimmed of blanks (spaces and tabs); a quoted field keeps
/// its blanks, and blanks around its quotes are allowed. A leading UTF-8 byte order mark is
/// skipped, a trailing line break adds no record, and a record whose fields are all empty (a blank
/// line, or the `,,,,` a spreadsheet leaves where rows were cleared) is skipped. A quote inside an
/// unquoted field, text after a closing quote, and an unterminated quote are errors.
enum CSVParser {
    /// Whether a byte is a blank, which unquoted cells are trimmed of: a space or a tab.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// `text` without the blanks around it.
    static func trimmingBlanks(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }

    static func records(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [CSVRecord] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(CSVSyntaxError) -> [CSVRecord] in
            try records(buffer)
        }
    }

    private static func records(_ bytes: UnsafeBufferPointer<UInt8>) throws(CSVSyntaxError) -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let count = bytes.count
        var index = UTF8Validation.byteOrderMarkLength(bytes)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var row = 1

        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        while index < count {
            // One field starts here, after any blanks.
            while index < count && isBlank(bytes[index]) { index += 1 }
            if index < count && bytes[index] == quote {
                index += 1
                var utf8: [UInt8] = []
                var closed = false
                while index < count {
                    let start = index
                    while index < count && bytes[index] != quote { index += 1 }
                    utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    guard index < count else { break }
                    if index + 1 < count && bytes[index + 1] == quote {
                        utf8.append(quote)
                        index += 2
                    } else {
                        index += 1
                        closed = true
                        break
                    }
                }
                guard closed else { throw CSVSyntaxError(row: row, reason: "a quoted field is not closed") }
                while index < count && isBlank(bytes[index]) { index += 1 }
                guard index == count || bytes[index] == comma || bytes[index] == cr || bytes[index] == lf else {
                    throw CSVSyntaxError(row: row, reason: "text after the closing quote of a field")
                }
                fields.append(String(decoding: utf8, as: UTF8.self))
            } else {
                let start = index
                while index < count {
                    let byte = bytes[index]
                    if byte == comma || byte == cr || byte == lf { break }
                    if byte == quote {
                        throw CSVSyntaxError(
                            row: row, reason: "a quote inside an unquoted field; quote the whole field and double the quote")
                    }
                    index += 1
                }
                var end = index
                while end > start && isBlank(bytes[end - 1]) { end -= 1 }
                fields.append(text(start, end))
            }
            // After the field: a comma, a line break (CRLF, LF or CR) or the end of the text.
            if index < count && bytes[index] == comma {
                index += 1
                if index < count { continue }
                fields.append("")
            } else if index < count && bytes[index] == cr {
                index += 1
                if index < count && bytes[index] == lf { index += 1 }
            } else if index < count {
                index += 1
            }
            if fields.contains(where: { !$0.isEmpty }) { records.append(CSVRecord(row: row, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
            row += 1
        }
        return records
    }
}
