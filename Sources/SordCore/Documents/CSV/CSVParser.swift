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

/// An RFC 4180 reader over UTF-8 bytes (already validated): comma-separated fields, records ended by
/// CRLF, LF or a lone CR, fields optionally in double quotes with `""` for a quote and with commas
/// and line breaks allowed inside. A trailing line break adds no record, a leading UTF-8 byte order
/// mark is skipped, and completely empty lines are skipped. A quote inside an unquoted field, text
/// after a closing quote, and an unterminated quote are errors.
enum CSVParser {
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
        var recordHasQuotedField = false

        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        while index < count {
            // One field starts here.
            if bytes[index] == quote {
                recordHasQuotedField = true
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
                fields.append(text(start, index))
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
            let isBlank = fields.count == 1 && fields[0].isEmpty && !recordHasQuotedField
            if !isBlank { records.append(CSVRecord(row: row, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
            recordHasQuotedField = false
            row += 1
        }
        return records
    }
}
