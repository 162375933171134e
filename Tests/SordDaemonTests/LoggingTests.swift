import Foundation
import Logging
import Synchronization
import Testing
@testable import SordDaemon

/// Log lines: one event a line, redacted, with a level that a reload can change.
@Suite("Logging")
struct LoggingTests {
    @Test("TIN shapes are masked to their last four digits wherever they occur", arguments: [
        ("ssn 400-01-2345 seen", "ssn XXX-XX-2345 seen"),
        ("ein 12-3456789.", "ein XX-XXX6789."),
        ("spaced 400 01 2345", "spaced XXX XX 2345"),
        ("bare 400012345", "bare XXXXX2345"),
        ("glued a400-01-2345b", "glued aXXX-XX-2345b"),
        ("glued to digits 9400-01-23456", "glued to digits 9XXX-XX-23456"),
        ("long run 1234567890123", "long run XXXXXXXXX0123"),
        ("two 400-01-2345/12-3456789", "two XXX-XX-2345/XX-XXX6789"),
        ("{\"tin\":\"400-01-2345\"}", "{\"tin\":\"XXX-XX-2345\"}"),
    ])
    func masksTINs(input: String, expected: String) {
        #expect(Redaction.redact(input) == expected)
    }

    @Test("Ordinary values are left alone", arguments: [
        "2030-03-17T17:46:40.000Z", "01JD5Z8Q2K3M4N5P6R7S8T9V0W", "count=12345678", "caf 0312-34567R",
        "ptin P01234567", "efin 123456", "zip 97301-1234", "",
    ])
    func leavesOtherText(text: String) {
        #expect(Redaction.redact(text) == text)
    }

    /// Collects rendered lines.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func sink(_ line: String) { lines.withLock { $0.append(line) } }
    }

    @Test("Each event is exactly one line, in JSON or logfmt, with message and metadata redacted",
          arguments: [LineLogHandler.Format.json, .logfmt])
    func oneLinePerEvent(format: LineLogHandler.Format) throws {
        let lines = Lines()
        let logger = Logger(label: "test") { label in
            LineLogHandler(label: label, level: LogLevelControl(.info), format: format, sink: lines.sink)
        }
        logger.info("multi\nline \"quoted\" 400-01-2345", metadata: ["submission": "01JD5Z8Q2K3M4N5P6R7S8T9V0W", "error": "bad\ttin 12-3456789"])
        let rendered = lines.all
        #expect(rendered.count == 1)
        let line = try #require(rendered.first)
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().split(separator: "\n").count == 1)
        #expect(!line.contains("400-01-2345") && !line.contains("12-3456789"))
        #expect(line.contains("XXX-XX-2345") && line.contains("XX-XXX6789"))
        #expect(line.contains("01JD5Z8Q2K3M4N5P6R7S8T9V0W"))
        if format == .json {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            #expect(object["msg"] == "multi\nline \"quoted\" XXX-XX-2345")
            #expect(object["level"] == "info")
            #expect(object["submission"] == "01JD5Z8Q2K3M4N5P6R7S8T9V0W")
        } else {
            #expect(line.hasPrefix("ts="))
            #expect(line.contains(" level=info "))
            #expect(line.contains(" submission=01JD5Z8Q2K3M4N5P6R7S8T9V0W"))
        }
    }

    @Test("Changing the shared level changes loggers already handed out")
    func reloadableLevel() {
        let lines = Lines()
        let control = LogLevelControl(.warning)
        let logger = Logger(label: "test") { label in LineLogHandler(label: label, level: control, format: .logfmt, sink: lines.sink) }
        logger.info("hidden")
        control.set(.debug)
        #expect(logger.logLevel == .debug)
        logger.debug("shown")
        control.set(.error)
        logger.warning("hidden too")
        #expect(lines.all.count == 1)
        #expect(lines.all.first?.contains("msg=shown") == true)
    }
}
