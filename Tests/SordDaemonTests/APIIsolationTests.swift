import Foundation
import Testing

/// Isolation over the API (SPEC 11): a user never lists, reads or deletes another user's files or
/// submissions, neither with their ids nor with path tricks; every such attempt is 404 or 400.
@Suite("API isolation", .serialized)
struct APIIsolationTests {
    @Test("User B cannot list, fetch or delete A's files, by id or by path trick")
    func isolation() throws {
        let h = try DaemonHarness()
        let ports = try h.enableListeners()
        try h.addUser("dana.oak")
        try h.addUser("erin.ash", first: "Erin", last: "Ash", tin: "400-55-9876")
        try h.startDaemon()
        let aliceFile = try h.deliverAck(to: "dana.oak", file: "a.json", #"{"type":"withdrawal","authorization":"A-1"}"#)
        let ack = try #require(try h.waitForAck("dana.oak", file: "a.json"))
        let aliceSubmission = try #require(ack["submission"] as? String)
        let name = try #require(h.mailboxFiles("dana.oak").first)

        // B's own listing is empty; A's ids are simply not found.
        #expect((try h.https("GET", "/v1/mailbox", port: ports.api, user: "erin.ash").json["files"] as? [Any])?.isEmpty == true)
        for (method, path) in [("GET", "/v1/mailbox/\(aliceFile)"), ("DELETE", "/v1/mailbox/\(aliceFile)"),
                               ("GET", "/v1/submissions/\(aliceSubmission)")] {
            let result = try h.https(method, path, port: ports.api, user: "erin.ash")
            #expect(result.status == 404, "\(method) \(path) gave \(result.status)")
            #expect(result.errorCode == "not-found")
        }

        // Path tricks: dot segments, encoded dots and slashes, NUL, over-long and lower-case ids.
        let tricks = [
            "/v1/mailbox/../mailbox/\(aliceFile)",
            "/v1/mailbox/%2e%2e/%2e%2e/sor/dana.oak/new/\(name)",
            "/v1/mailbox/..%2F..%2Fsor%2Fdana.oak%2Fnew%2F\(name)",
            "/v1/mailbox/\(aliceFile)%2F..",
            "/v1/mailbox/\(name)",
            "/v1/mailbox/\(aliceFile)%00",
            "/v1/mailbox/\(aliceFile)" + String(repeating: "A", count: 300),
            "/v1/mailbox/\(aliceFile.lowercased())",
            "/v1/mailbox//\(aliceFile)",
            "/v1/../v1/mailbox/\(aliceFile)",
            "/v1/submissions/..%2F\(aliceSubmission)",
            "/v1/submissions/\(aliceSubmission)~dana.oak~a.json",
        ]
        for path in tricks {
            for method in ["GET", "DELETE"] {
                let result = try h.https(method, path, port: ports.api, user: "erin.ash")
                #expect(result.status == 404, "\(method) \(path) gave \(result.status)")
                #expect(result.errorCode == "not-found", "\(method) \(path): \(result.text)")
            }
        }

        // Upload names that could leave the inbox or hide from the scanner are refused.
        let body = h.root.appendingPathComponent("doc.json").path
        try #"{"type":"withdrawal","authorization":"A-3"}"#.write(toFile: body, atomically: true, encoding: .utf8)
        for path in ["/v1/inbox/..%2F..%2Fwork%2Fx.json", "/v1/inbox/%2e%2e", "/v1/inbox/.hidden.json", "/v1/inbox/x.json.part",
                     "/v1/inbox/x.txt", "/v1/inbox/a%20b.json", "/v1/inbox/" + String(repeating: "a", count: 130) + ".json"] {
            let result = try h.https("PUT", path, port: ports.api, user: "erin.ash", upload: body)
            #expect(result.status == 400, "PUT \(path) gave \(result.status)")
            #expect(result.errorCode == "bad-name")
        }
        for path in ["/v1/inbox/../../work/x.json", "/v1/inbox/a/b.json"] {
            #expect(try h.https("PUT", path, port: ports.api, user: "erin.ash", upload: body).status == 404, "PUT \(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.inbox("erin.ash")).isEmpty)

        // A's file is untouched and still A's.
        #expect(h.mailboxFiles("dana.oak") == [name])
        #expect(try h.https("GET", "/v1/mailbox/\(aliceFile)", port: ports.api, user: "dana.oak").status == 200)
        #expect(!(try h.auditEntries()).contains { $0.subject == aliceFile && $0.action != "mailbox.committed" && $0.action != "mailbox.delivered" && $0.action != "mailbox.downloaded" })
        #expect(h.stopDaemon() == 0)
    }
}
