import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The operator and user commands against a running daemon: submit, mailbox list/fetch/delete,
/// open, status, codes, user show/disable/rotate-cert.
@Suite("CLI end to end", .serialized)
struct CLIEndToEndTests {
    @Test("submit, list, fetch, open and delete through the CLI")
    func mailboxRoundTrip() throws {
        let h = try DaemonHarness()
        try h.addUser("dana.oak")
        try h.startDaemon()
        let doc = h.root.appendingPathComponent("my request.json").path
        try #"{"type":"withdrawal","authorization":"A-5","clientRef":"cli"}"#.write(toFile: doc, atomically: true, encoding: .utf8)
        let submitted = try h.sord(["submit", "--user", "dana.oak", doc])
        #expect(submitted.status == 0, "\(submitted.err)")
        let name = submitted.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(name == "my request.json")
        #expect(try h.waitForAck("dana.oak", file: name) != nil)

        let listed = try h.sord(["mailbox", "list", "--user", "dana.oak", "--json"])
        let listing = try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [String: Any]
        let files = try #require(listing?["files"] as? [[String: Any]])
        #expect(files.count == 1)
        let id = try #require(files.first?["id"] as? String)
        #expect(files.first?["kind"] as? String == "ack")
        #expect(files.first?["downloadedAt"] is NSNull || files.first?["downloadedAt"] == nil)

        let out = h.root.appendingPathComponent("fetched.p7m").path
        #expect(try h.sord(["mailbox", "fetch", "--user", "dana.oak", id, "-o", out]).status == 0)
        let opened = try h.sord(["open", out, "--key", h.keys.appendingPathComponent("dana.oak.key").path,
                                 "--cert", h.keys.appendingPathComponent("dana.oak.pem").path])
        #expect(opened.status == 0, "\(opened.err)")
        let ack = try JSONSerialization.jsonObject(with: Data(opened.out.utf8)) as? [String: Any]
        #expect(ack?["clientRef"] as? String == "cli")
        // Fetching moved it to cur/ and marked it downloaded; the new-only listing is empty.
        #expect(h.mailboxFiles("dana.oak").isEmpty)
        let fresh = try h.sord(["mailbox", "list", "--user", "dana.oak", "--json", "--new"])
        #expect(fresh.out.contains("\"files\" : [\n\n  ]") || fresh.out.contains("\"files\" : []"))

        // Another user's id is simply not found.
        try h.addUser("erin.ash", first: "Erin", last: "Ash", tin: "400-55-9876")
        #expect(try h.sord(["mailbox", "fetch", "--user", "erin.ash", id, "-o", out + ".2"]).status != 0)
        #expect(try h.sord(["mailbox", "delete", "--user", "erin.ash", id]).status != 0)

        #expect(try h.sord(["mailbox", "delete", "--user", "dana.oak", id]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: h.spool + "/sor/dana.oak/cur/" + (files.first?["name"] as? String ?? "")))
        let after = try h.sord(["mailbox", "list", "--user", "dana.oak"])
        #expect(after.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)

        let status = try h.sord(["status", "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any]
        #expect((report?["submissions"] as? [String: Int])?.values.reduce(0, +) == 1)
        #expect(report?["outbox"] as? Int == 0)
        #expect(h.stopDaemon() == 0)
    }

    @Test("A disabled user's files are left alone; a rotated certificate seals new files only")
    func disableAndRotate() throws {
        let h = try DaemonHarness()
        try h.addUser("dana.oak")
        try h.addUser("erin.ash", first: "Erin", last: "Ash", tin: "400-55-9876")
        #expect(try h.sord(["user", "disable", "erin.ash"]).status == 0)
        let shown = try h.sord(["user", "show", "erin.ash"])
        #expect(shown.out.contains("disabled"))
        #expect(shown.out.contains("XXX-XX-9876"))
        #expect(!shown.out.contains("400-55-9876"))
        try h.startDaemon()
        try h.drop("erin.ash", "ignored.json", #"{"type":"withdrawal","authorization":"A-1"}"#)
        try h.drop("dana.oak", "before.json", #"{"type":"withdrawal","authorization":"A-1"}"#)
        #expect(try h.waitForAck("dana.oak", file: "before.json") != nil)
        // Rotate dana's certificate: the old file still opens with the old key, new ones with the new.
        let oldKey = h.keys.appendingPathComponent("dana.oak.key")
        let oldCert = h.keys.appendingPathComponent("dana.oak.pem")
        try FileManager.default.moveItem(at: oldKey, to: h.root.appendingPathComponent("old.key"))
        try FileManager.default.moveItem(at: oldCert, to: h.root.appendingPathComponent("old.pem"))
        #expect(try h.sord(["user", "rotate-cert", "dana.oak", "--generate-key", h.keys.path, "--key-type", "ec"]).status == 0)
        try h.drop("dana.oak", "after.json", #"{"type":"withdrawal","authorization":"A-2"}"#)
        let deadline = Date().addingTimeInterval(30)
        while h.mailboxFiles("dana.oak").count < 2 && Date() < deadline { usleep(100_000) }
        let names = h.mailboxFiles("dana.oak")
        #expect(names.count == 2)
        let oldKeyPath = h.root.appendingPathComponent("old.key").path
        let oldCertPath = h.root.appendingPathComponent("old.pem").path
        let opened = try names.map { name -> Bool in
            let path = h.mailboxNew("dana.oak") + "/" + name
            let withOld = try DaemonHarness.run("/bin/sh", ["-c", "openssl cms -decrypt -inform DER -in '\(path)' -recip '\(oldCertPath)' -inkey '\(oldKeyPath)' | gunzip"])
            return withOld.status == 0 && withOld.out.contains("before.json")
        }
        #expect(opened.filter { $0 }.count == 1, "exactly the older ack opens with the old key")
        #expect(try h.waitForAck("dana.oak", file: "after.json") != nil, "the newer ack opens with the new key")
        // The disabled user's file is still in the inbox, untouched, with no ack anywhere.
        #expect(FileManager.default.fileExists(atPath: h.inbox("erin.ash") + "/ignored.json"))
        #expect(h.mailboxFiles("erin.ash").isEmpty)
        #expect(h.daemonLogText.contains("disabled user"))
        #expect(h.stopDaemon() == 0)
    }

    @Test("sord codes prints the whole catalogue, as text and JSON")
    func codes() throws {
        let h = try DaemonHarness()
        let json = try h.sord(["codes", "--json"])
        let codes = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: String]]
        // SPEC 6: SUB 8, ID 5, AUTH 15, TPA 10, CAF 5, WD 1, EF 2, TDS 16, ACC 6, PAY 9, PLAN 8, MSG 2, PPS 3.
        #expect(codes?.count == 90)
        for code in ["CAF-005", "ACC-006", "PAY-009", "PLAN-008", "MSG-002", "PPS-003"] {
            #expect(codes?.contains { $0["code"] == code } == true, "\(code) missing")
        }
        #expect(codes?.first?["code"] == "SUB-001")
        #expect(codes?.allSatisfy { !($0["title"] ?? "").isEmpty && !($0["fix"] ?? "").isEmpty } == true)
        let text = try h.sord(["codes"])
        #expect(text.out.contains("TDS-112"))
    }
}
