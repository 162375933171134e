import Foundation
import Testing

/// `PUT /v1/inbox/{name}` and `GET /v1/submissions/{id}` against the real daemon.
@Suite("API upload", .serialized)
struct APIUploadTests {
    @Test("A valid upload is 202 with a submission id, processed at once, and its status names the ack")
    func validUpload() throws {
        let h = try DaemonHarness()
        let ports = try h.enableListeners()
        try h.addUser("dana.oak")
        try h.startDaemon()
        let body = h.root.appendingPathComponent("doc.json").path
        try #"{"type":"withdrawal","authorization":"A-7","clientRef":"up-1"}"#.write(toFile: body, atomically: true, encoding: .utf8)

        let put = try h.https("PUT", "/v1/inbox/withdraw-1.json", port: ports.api, user: "dana.oak", upload: body)
        #expect(put.status == 202)
        let submission = try #require(put.json["submission"] as? String)
        #expect(submission.count == 26)
        #expect(put.headers["location"] == "/v1/submissions/\(submission)")

        // The ack arrives (the upload woke the processor; the rescan is not needed for it).
        let ack = try #require(try h.waitForAck("dana.oak", file: "withdraw-1.json"))
        #expect(ack["submission"] as? String == submission)
        #expect(ack["clientRef"] as? String == "up-1")
        var status: [String: Any] = [:]
        for _ in 0..<100 {
            status = try h.https("GET", "/v1/submissions/\(submission)", port: ports.api, user: "dana.oak").json
            if status["status"] as? String != "received" { break }
            usleep(100_000)
        }
        #expect(status["submission"] as? String == submission)
        #expect(status["status"] as? String == ack["status"] as? String)
        #expect(status["file"] as? String == "withdraw-1.json")
        #expect(status["documentType"] as? String == "withdrawal")
        let ackID = try #require(status["ack"] as? String)
        let listed = try #require(try h.https("GET", "/v1/mailbox", port: ports.api, user: "dana.oak").json["files"] as? [[String: Any]])
        #expect(listed.contains { $0["id"] as? String == ackID && $0["kind"] as? String == "ack" })

        // Nothing is left behind: no temp file in the inbox, nothing in work/.
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.inbox("dana.oak")).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.spool + "/work").isEmpty)
        #expect(try h.auditEntries().contains { $0.action == "inbox.uploaded" && $0.subject == submission })
        // A submission id that does not exist is 404.
        #expect(try h.https("GET", "/v1/submissions/\(ackID)", port: ports.api, user: "dana.oak").status == 404)
        #expect(h.stopDaemon() == 0)
    }

    @Test("An oversize upload is 413, declared or streamed, and leaves no file behind; stale temp files go at start")
    func oversize() throws {
        let h = try DaemonHarness()
        let ports = try h.enableListeners(maxBytes: 2000)
        try h.addUser("dana.oak")
        // A temp file of an upload cut off by a stop is removed at the next start.
        try Data("{".utf8).write(to: URL(fileURLWithPath: h.inbox("dana.oak") + "/.upload-0123456789abcdef.part"))
        try h.startDaemon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.inbox("dana.oak")).isEmpty)
        let big = h.root.appendingPathComponent("big.json").path
        let padding = String(repeating: "x", count: 5000)
        try #"{"type":"withdrawal","authorization":"A-8","clientRef":"\#(padding)"}"#.write(toFile: big, atomically: true, encoding: .utf8)

        // Declared by Content-Length: refused before the body is read.
        let declared = try h.https("PUT", "/v1/inbox/big.json", port: ports.api, user: "dana.oak", upload: big)
        #expect(declared.status == 413)
        #expect(declared.errorCode == "too-large")
        // Chunked, so only counting the streamed bytes can catch it.
        let streamed = try h.https("PUT", "/v1/inbox/big.json", port: ports.api, user: "dana.oak",
                                   headers: ["Transfer-Encoding: chunked"], upload: big)
        #expect(streamed.status == 413)
        #expect(streamed.errorCode == "too-large")

        // An upload just under the limit still goes through.
        let small = h.root.appendingPathComponent("small.json").path
        try #"{"type":"withdrawal","authorization":"A-9"}"#.write(toFile: small, atomically: true, encoding: .utf8)
        #expect(try h.https("PUT", "/v1/inbox/small.json", port: ports.api, user: "dana.oak",
                            headers: ["Transfer-Encoding: chunked"], upload: small).status == 202)
        #expect(try h.waitForAck("dana.oak", file: "small.json") != nil)
        #expect(try h.waitForAck("dana.oak", file: "big.json", timeout: 2, reportingTimeout: false) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.inbox("dana.oak")).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.spool + "/work").isEmpty)
        #expect(h.stopDaemon() == 0)
    }
}
