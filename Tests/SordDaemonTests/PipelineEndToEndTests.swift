import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The backbone end to end: the real daemon on a temporary spool, files dropped into an inbox,
/// sealed acks opened with stock `openssl cms -decrypt | gunzip`.
@Suite("Pipeline end to end", .serialized)
struct PipelineEndToEndTests {
    static let validCAFLink = #"{"type":"caf-link","caf":"0312-34567R","clientRef":"link-1"}"#

    @Test("A valid file gets one sealed ack that stock openssl opens", arguments: Store.allCases)
    func validFileAck(store: Store) throws {
        let h = try DaemonHarness(store: store)
        try h.addUser("dana.oak")
        try h.startDaemon()
        try h.drop("dana.oak", "request.json", #"{"type":"withdrawal","authorization":"A-1","clientRef":"ref-42"}"#)
        let ack = try #require(try h.waitForAck("dana.oak", file: "request.json"))
        #expect(ack["type"] as? String == "ack")
        #expect(ack["user"] as? String == "dana.oak")
        #expect(ack["documentType"] as? String == "withdrawal")
        #expect(ack["clientRef"] as? String == "ref-42")
        #expect((ack["submission"] as? String)?.count == 26)
        #expect(h.mailboxFiles("dana.oak").filter { $0.contains(".ack.json.gz.p7m") }.count == 1)
        // The input is archived, work/ is empty, and nothing is left in the mailbox tmp/.
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.spool + "/work").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.spool + "/sor/dana.oak/tmp").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.inbox("dana.oak")).isEmpty)
        #expect(h.stopDaemon() == 0)
    }

    @Test("An EC recipient's ack opens with stock openssl too")
    func ecRecipient() throws {
        let h = try DaemonHarness()
        try h.addUser("erin.ash", first: "Erin", last: "Ash", tin: "400-55-9876", keyType: "ec")
        try h.startDaemon()
        try h.drop("erin.ash", "w.json", #"{"type":"withdrawal","authorization":"A-9"}"#)
        let ack = try #require(try h.waitForAck("erin.ash", file: "w.json"))
        #expect(ack["status"] != nil)
        #expect(h.stopDaemon() == 0)
    }

    @Test("Every kind of bad file gets its SUB code and the daemon keeps running", arguments: Store.allCases)
    func badFiles(store: Store) throws {
        let h = try DaemonHarness(store: store)
        try h.addUser("dana.oak")
        try h.addUser("ralph.teak", kind: "taxpayer", first: "Ralph", last: "Teak", tin: "400-01-2345")
        try rewriteMaxBytes(h, 4096)
        try h.startDaemon()
        let inbox = h.inbox("dana.oak")

        // SUB-001: a symlink (never followed), a hard-linked file, a FIFO (never blocks).
        let outside = h.root.appendingPathComponent("secret.json").path
        try #"{"type":"withdrawal","authorization":"A-1"}"#.write(toFile: outside, atomically: true, encoding: .utf8)
        #expect(symlink(outside, inbox + "/link.json") == 0)
        try #"{"type":"withdrawal","authorization":"A-2"}"#.write(toFile: h.root.appendingPathComponent("hard.json").path, atomically: true, encoding: .utf8)
        #expect(link(h.root.appendingPathComponent("hard.json").path, inbox + "/hard.json") == 0)
        #expect(mkfifo(inbox + "/fifo.json", 0o600) == 0)
        // SUB-002: too large.
        try h.drop("dana.oak", "big.json", "{\"type\":\"withdrawal\",\"authorization\":\"" + String(repeating: "A", count: 5000) + "\"}")
        // SUB-003: not UTF-8, and broken JSON.
        try h.drop("dana.oak", "latin1.json", Data([0x7B, 0x22, 0xE9, 0x22, 0x7D]))
        try h.drop("dana.oak", "broken.json", "{\"type\": \"withdrawal\", ")
        // SUB-004: unknown type; missing type.
        try h.drop("dana.oak", "unknown.json", #"{"type":"form-941"}"#)
        try h.drop("dana.oak", "notype.json", #"{"authorization":"A-1"}"#)
        // SUB-005: schema errors (unknown field, wrong type), with the JSON path.
        try h.drop("dana.oak", "schema.json", #"{"type":"withdrawal","authorization":7,"extra":true}"#)
        // SUB-007: a practitioner may not answer a Tax Pro Account request; a taxpayer may not withdraw.
        try h.drop("dana.oak", "decision.json", #"{"type":"authorization-decision","request":"R-1","decision":"approve"}"#)
        try h.drop("ralph.teak", "withdraw.json", #"{"type":"withdrawal","authorization":"A-1"}"#)
        // SUB-008: an unsupported name.
        try h.drop("dana.oak", "notes.txt", "hello")
        // Ignored until renamed: hidden and .part names.
        try "partial".write(toFile: inbox + "/.hidden.json", atomically: false, encoding: .utf8)
        try "partial".write(toFile: inbox + "/upload.json.part", atomically: false, encoding: .utf8)

        let expected: [(String, String, String)] = [
            ("dana.oak", "link.json", "SUB-001"), ("dana.oak", "hard.json", "SUB-001"), ("dana.oak", "fifo.json", "SUB-001"),
            ("dana.oak", "big.json", "SUB-002"), ("dana.oak", "latin1.json", "SUB-003"), ("dana.oak", "broken.json", "SUB-003"),
            ("dana.oak", "unknown.json", "SUB-004"), ("dana.oak", "notype.json", "SUB-004"), ("dana.oak", "schema.json", "SUB-005"),
            ("dana.oak", "decision.json", "SUB-007"), ("ralph.teak", "withdraw.json", "SUB-007"), ("dana.oak", "notes.txt", "SUB-008"),
        ]
        for (user, file, code) in expected {
            let ack = try h.waitForAck(user, file: file)
            #expect(ack?["status"] as? String == "rejected", "\(file)")
            #expect(DaemonHarness.codes(ack).contains(code), "\(file): expected \(code), got \(DaemonHarness.codes(ack))")
        }
        let schemaAck = try h.waitForAck("dana.oak", file: "schema.json")
        let paths = ((schemaAck?["errors"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
        #expect(paths.contains("$.authorization"))
        #expect(paths.contains("$.extra"))

        // The symlink's target was never touched; the hidden and .part files are still waiting.
        #expect(FileManager.default.fileExists(atPath: outside))
        #expect(FileManager.default.fileExists(atPath: inbox + "/.hidden.json"))
        #expect(FileManager.default.fileExists(atPath: inbox + "/upload.json.part"))
        // Every refused original is kept in the archive.
        let archived = try archivedNames(h)
        for (user, file, _) in expected { #expect(archived.contains { $0.hasSuffix("~\(user)/" + file) }, "\(file) archived") }

        // Still running and still answering.
        #expect(h.daemonIsRunning)
        try h.drop("dana.oak", "after.json", #"{"type":"withdrawal","authorization":"A-3"}"#)
        #expect(try h.waitForAck("dana.oak", file: "after.json") != nil)
        #expect(h.stopDaemon() == 0)
    }

    @Test("The same bytes from the same user again are SUB-006, naming the earlier submission", arguments: Store.allCases)
    func duplicates(store: Store) throws {
        let h = try DaemonHarness(store: store)
        try h.addUser("dana.oak")
        try h.addUser("erin.ash", first: "Erin", last: "Ash", tin: "400-55-9876")
        try h.startDaemon()
        let body = #"{"type":"withdrawal","authorization":"A-77"}"#
        try h.drop("dana.oak", "first.json", body)
        let first = try #require(try h.waitForAck("dana.oak", file: "first.json"))
        try h.drop("dana.oak", "second.json", body)
        let second = try #require(try h.waitForAck("dana.oak", file: "second.json"))
        #expect(DaemonHarness.codes(second) == ["SUB-006"])
        let message = ((second["errors"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
        #expect(message.contains(first["submission"] as? String ?? "?"))
        // Another user sending the same bytes is not a duplicate.
        try h.drop("erin.ash", "first.json", body)
        let other = try #require(try h.waitForAck("erin.ash", file: "first.json"))
        #expect(!DaemonHarness.codes(other).contains("SUB-006"))
        #expect(h.stopDaemon() == 0)
    }

    @Test("Killed with SIGKILL at each step, the daemon ends with exactly one ack per submission",
          arguments: Store.allCases, ["after-claim", "after-commit", "after-deliver", "after-mark"])
    func crashRecovery(store: Store, point: String) throws {
        let h = try DaemonHarness(store: store)
        try h.addUser("dana.oak")
        let names = (1...5).map { "crash-\($0).json" }
        for (i, name) in names.enumerated() {
            try h.drop("dana.oak", name, #"{"type":"withdrawal","authorization":"A-\#(i)"}"#)
        }
        try h.startDaemon(environment: ["SORD_CRASH_AT": point])
        let reason = h.waitForDaemonExit()
        #expect(reason == .uncaughtSignal, "the daemon should have been killed at \(point)")
        try h.startDaemon()
        for name in names { #expect(try h.waitForAck("dana.oak", file: name) != nil, "\(name) after \(point)") }
        #expect(h.stopDaemon() == 0)
        let acks = try h.acks("dana.oak")
        #expect(acks.count == names.count, "exactly one ack per submission after \(point)")
        #expect(Set(acks.compactMap { $0["file"] as? String }) == Set(names))
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.spool + "/sor/dana.oak/tmp").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.spool + "/work").isEmpty)
        let rows = try h.sql("""
            SELECT COUNT(*), SUM(CASE WHEN deliveredAt IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN sealed IS NULL THEN 1 ELSE 0 END) FROM mailboxFiles
            """)
        #expect(rows == ["5|5|5"])
    }

    private func rewriteMaxBytes(_ h: DaemonHarness, _ limit: Int) throws {
        var text = try String(contentsOfFile: h.configPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "[inbox]\n", with: "[inbox]\nmax_bytes = \(limit)\n")
        try text.write(toFile: h.configPath, atomically: true, encoding: .utf8)
    }

    /// Every archived input as `<submission folder>/<name as submitted>`.
    private func archivedNames(_ h: DaemonHarness) throws -> [String] {
        let root = h.spool + "/archive"
        return try FileManager.default.contentsOfDirectory(atPath: root).flatMap { day in
            try FileManager.default.contentsOfDirectory(atPath: root + "/" + day).flatMap { folder in
                try FileManager.default.contentsOfDirectory(atPath: root + "/" + day + "/" + folder).map { folder + "/" + $0 }
            }
        }
    }
}
