import Foundation
@testable import SordStore
import Testing

@Suite struct JSONLinesReaderTests {
    static func lines(_ text: String, chunkSize: Int) throws -> (lines: [String], numbers: [Int], bytes: Int64) {
        let t = try ReferenceTestDatabase()
        let url = t.folder.appendingPathComponent("r.jsonl")
        try Data(text.utf8).write(to: url)
        var reader = try JSONLinesReader(path: url.path, chunkSize: chunkSize)
        defer { reader.close() }
        var lines: [String] = [], numbers: [Int] = []
        while let line = try reader.next() {
            lines.append(String(decoding: line, as: UTF8.self))
            numbers.append(reader.lineNumber)
        }
        return (lines, numbers, reader.bytesRead)
    }

    @Test(arguments: [1, 3, 7, 64, 8 << 20])
    func linesSurviveEveryChunkBoundary(chunkSize: Int) throws {
        let text = "first\r\n\nthird line is longer than a small chunk\nlast-without-newline"
        let read = try Self.lines(text, chunkSize: chunkSize)
        #expect(read.lines == ["first", "", "third line is longer than a small chunk", "last-without-newline"])
        #expect(read.numbers == [1, 2, 3, 4])
        #expect(read.bytes == Int64(text.utf8.count))
    }

    @Test func anEmptyFileHasNoLines() throws {
        let read = try Self.lines("", chunkSize: 4)
        #expect(read.lines.isEmpty)
        #expect(read.bytes == 0)
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: ImportError.unreadable(file: "/nonexistent/x.jsonl", reason: "cannot open for reading")) {
            _ = try JSONLinesReader(path: "/nonexistent/x.jsonl")
        }
    }
}
