import Foundation
import Testing

/// `sord audit verify` and `sord audit export` on a real database, tampered with by the stock
/// `sqlite3` command line the way an intruder with file access would.
@Suite("Audit chain", .serialized)
struct AuditTests {
    /// A spool with a few audited events: three users added, one submission processed by the daemon.
    static func populated() throws -> DaemonHarness {
        let h = try DaemonHarness()
        try h.addUser("dana.oak", keyType: "ec")
        try h.addUser("erin.ash", first: "Erin", last: "Ash", tin: "400-55-9876", keyType: "ec")
        try h.addUser("ralph.teak", kind: "taxpayer", first: "Ralph", last: "Teak", tin: "400-01-2345", keyType: "ec")
        try h.startDaemon()
        try h.drop("dana.oak", "w.json", #"{"type":"withdrawal","authorization":"A-1"}"#)
        _ = try #require(try h.waitForAck("dana.oak", file: "w.json"))
        #expect(h.stopDaemon() == 0)
        return h
    }

    static func exported(_ h: DaemonHarness) throws -> [[String: Any]] {
        let result = try h.sord(["audit", "export"])
        #expect(result.status == 0, "\(result.err)")
        return try result.out.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("An untouched chain verifies and exports as JSON Lines, each entry linked to the one before")
    func intactChain() throws {
        let h = try Self.populated()
        let verify = try h.sord(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.err)")
        #expect(verify.out.contains("intact"))

        let entries = try Self.exported(h)
        #expect(entries.count >= 5)  // 3 users added, a submission, its delivery
        var previous = String(repeating: "0", count: 64)
        for (index, entry) in entries.enumerated() {
            #expect(entry["seq"] as? Int == index + 1)
            #expect(entry["prevHash"] as? String == previous)
            #expect(entry["detail"] is [String: Any])
            previous = entry["hash"] as? String ?? ""
        }
        let actions = entries.compactMap { $0["action"] as? String }
        #expect(actions.filter { $0 == "user.added" }.count == 3)
        #expect(actions.contains { $0.hasPrefix("submission.") })
        #expect(actions.contains("mailbox.delivered"))
        // Audit entries hold ids and codes, never a TIN or a name.
        let text = try h.sord(["audit", "export"]).out
        for secret in ["400-01-2345", "400-55-9876", "400-55-1234", "Teak", "Ralph", "Oak\"", "Ash\""] {
            #expect(!text.contains(secret), "the audit export holds \(secret)")
        }
        let after = try h.sord(["audit", "export", "--after", "2"]).out.split(separator: "\n")
        #expect(after.count == entries.count - 2)
    }

    @Test("sqlite3 tampering is found, and verify names the first broken entry", arguments: [
        ("UPDATE audit SET subject = 'mallory' WHERE seq = 2", 2),
        ("UPDATE audit SET detail = '{}' WHERE seq = 4", 4),
        ("UPDATE audit SET at = '2000-01-01T00:00:00.000Z' WHERE seq = 1", 1),
        ("DELETE FROM audit WHERE seq = 3", 4),
        ("UPDATE audit SET hash = '" + String(repeating: "a", count: 64) + "' WHERE seq = 5", 5),
    ])
    func tampering(sql: String, brokenSeq: Int) throws {
        // Five audited user changes (no daemon needed for these).
        let h = try DaemonHarness()
        for (index, id) in ["ann.fir", "bob.elm", "cy.yew", "di.ash", "ed.oak"].enumerated() {
            try h.addUser(id, tin: "400-55-\(1000 + index)", keyType: "ec")
        }
        #expect(try h.sord(["audit", "verify"]).status == 0)
        let edit = try DaemonHarness.run("/usr/bin/sqlite3", [h.database, sql])
        #expect(edit.status == 0, "\(edit.err)")
        let verify = try h.sord(["audit", "verify"])
        #expect(verify.status == 1)
        #expect(verify.err.contains("broken at entry \(brokenSeq) "), "\(verify.err)")
    }
}
