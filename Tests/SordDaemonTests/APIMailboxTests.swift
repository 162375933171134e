import Foundation
import Testing

/// The HTTPS mailbox API against the real daemon, with curl and a client certificate: listing,
/// downloading (ETag, If-None-Match, Range), decrypting with stock openssl, deleting.
@Suite("API mailbox", .serialized)
struct APIMailboxTests {
    @Test("Full pull cycle: list, download, decrypt with openssl, delete")
    func pullCycle() throws {
        let h = try DaemonHarness()
        let ports = try h.enableListeners()
        try h.addUser("dana.oak")
        try h.startDaemon()
        let id = try h.deliverAck(to: "dana.oak", file: "w.json", #"{"type":"withdrawal","authorization":"A-1","clientRef":"pull-1"}"#)

        let list = try h.https("GET", "/v1/mailbox", port: ports.api, user: "dana.oak")
        #expect(list.status == 200)
        #expect(list.headers["content-type"] == "application/json")
        let files = try #require(list.json["files"] as? [[String: Any]])
        #expect(files.count == 1)
        let entry = try #require(files.first)
        #expect(entry["id"] as? String == id)
        #expect(entry["kind"] as? String == "ack")
        #expect((entry["name"] as? String)?.hasPrefix(id) == true)
        #expect(entry["downloadedAt"] == nil)
        let sha = try #require(entry["sha256"] as? String)
        #expect(try h.https("GET", "/v1/mailbox?state=new", port: ports.api, user: "dana.oak").json["files"].map { ($0 as? [Any])?.count } == 1)

        let download = try h.https("GET", "/v1/mailbox/\(id)", port: ports.api, user: "dana.oak")
        #expect(download.status == 200)
        #expect(download.headers["content-type"] == "application/pkcs7-mime")
        #expect(download.headers["etag"] == "\"\(sha)\"")
        #expect(download.body.count == entry["size"] as? Int)
        #expect(try sha256Hex(download.body) == sha)
        let saved = h.root.appendingPathComponent("downloaded.p7m")
        try download.body.write(to: saved)
        let ack = try JSONSerialization.jsonObject(with: try h.openWithOpenSSL(user: "dana.oak", path: saved.path)) as? [String: Any]
        #expect(ack?["file"] as? String == "w.json")
        #expect(ack?["clientRef"] as? String == "pull-1")

        // Downloaded: moved new/ → cur/, no longer "new", stamped in the listing.
        #expect(h.mailboxFiles("dana.oak").isEmpty)
        #expect(FileManager.default.fileExists(atPath: h.spool + "/sor/dana.oak/cur/" + (entry["name"] as! String)))
        #expect((try h.https("GET", "/v1/mailbox?state=new", port: ports.api, user: "dana.oak").json["files"] as? [Any])?.isEmpty == true)
        let after = try #require(try h.https("GET", "/v1/mailbox", port: ports.api, user: "dana.oak").json["files"] as? [[String: Any]])
        #expect(after.first?["downloadedAt"] is String)
        #expect(try h.https("GET", "/v1/mailbox?state=bogus", port: ports.api, user: "dana.oak").status == 400)

        let delete = try h.https("DELETE", "/v1/mailbox/\(id)", port: ports.api, user: "dana.oak")
        #expect(delete.status == 204)
        #expect((try h.https("GET", "/v1/mailbox", port: ports.api, user: "dana.oak").json["files"] as? [Any])?.isEmpty == true)
        let gone = try h.https("GET", "/v1/mailbox/\(id)", port: ports.api, user: "dana.oak")
        #expect(gone.status == 404)
        #expect(gone.errorCode == "not-found")
        #expect(gone.headers["content-type"] == "application/json")
        #expect(try h.https("DELETE", "/v1/mailbox/\(id)", port: ports.api, user: "dana.oak").status == 404)
        #expect(!FileManager.default.fileExists(atPath: h.spool + "/sor/dana.oak/cur/" + (entry["name"] as! String)))

        // The download and the deletion are in the audit chain, and the chain verifies.
        let audit = try h.auditEntries()
        #expect(audit.contains { $0.action == "mailbox.downloaded" && $0.subject == id })
        #expect(audit.contains { $0.action == "mailbox.deleted" && $0.subject == id })
        #expect(try h.sord(["audit", "verify"]).status == 0)
        #expect(h.stopDaemon() == 0)
    }

    @Test("ETag and If-None-Match; Range parts, resumed downloads and unsatisfiable ranges")
    func rangeAndETag() throws {
        let h = try DaemonHarness()
        let ports = try h.enableListeners()
        try h.addUser("dana.oak")
        try h.startDaemon()
        let id = try h.deliverAck(to: "dana.oak", file: "r.json", #"{"type":"withdrawal","authorization":"A-2"}"#)
        let entry = try #require((try h.https("GET", "/v1/mailbox", port: ports.api, user: "dana.oak").json["files"] as? [[String: Any]])?.first)
        let size = try #require(entry["size"] as? Int)
        let tag = "\"\(try #require(entry["sha256"] as? String))\""
        let path = "/v1/mailbox/\(id)"

        // A matching If-None-Match is 304 with no body and does not count as a download.
        let notModified = try h.https("GET", path, port: ports.api, user: "dana.oak", headers: ["If-None-Match: \(tag)"])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(notModified.headers["etag"] == tag)
        #expect(try h.https("GET", path, port: ports.api, user: "dana.oak", headers: ["If-None-Match: \"other\", W/\(tag)"]).status == 304)
        #expect(h.mailboxFiles("dana.oak").count == 1)

        // A first part: 206 with Content-Range, still new.
        let head = try h.https("GET", path, port: ports.api, user: "dana.oak", headers: ["Range: bytes=0-99"])
        #expect(head.status == 206)
        #expect(head.headers["content-range"] == "bytes 0-99/\(size)")
        #expect(head.body.count == 100)
        #expect(h.mailboxFiles("dana.oak").count == 1)
        #expect(try h.auditEntries().contains { $0.action == "mailbox.read-partial" && $0.subject == id })

        // The rest, open-ended: completes the download (moved to cur/), and the parts make the file.
        let tail = try h.https("GET", path, port: ports.api, user: "dana.oak", headers: ["Range: bytes=100-"])
        #expect(tail.status == 206)
        #expect(tail.headers["content-range"] == "bytes 100-\(size - 1)/\(size)")
        #expect(h.mailboxFiles("dana.oak").isEmpty)
        let whole = try h.https("GET", path, port: ports.api, user: "dana.oak")
        #expect(head.body + tail.body == whole.body)
        #expect(try h.https("GET", path, port: ports.api, user: "dana.oak", headers: ["Range: bytes=-10"]).body == whole.body.suffix(10))

        // Past the end: 416 with the size; a stale If-Range or a multi-range request gets the whole file.
        let unsatisfiable = try h.https("GET", path, port: ports.api, user: "dana.oak", headers: ["Range: bytes=\(size)-"])
        #expect(unsatisfiable.status == 416)
        #expect(unsatisfiable.headers["content-range"] == "bytes */\(size)")
        #expect(unsatisfiable.errorCode == "range-not-satisfiable")
        let stale = try h.https("GET", path, port: ports.api, user: "dana.oak", headers: ["Range: bytes=0-9", "If-Range: \"stale\""])
        #expect(stale.status == 200 && stale.body == whole.body)
        let multi = try h.https("GET", path, port: ports.api, user: "dana.oak", headers: ["Range: bytes=0-9,20-29"])
        #expect(multi.status == 200 && multi.body == whole.body)
        #expect(h.stopDaemon() == 0)
    }
}
