import Foundation
import SordCore
import Testing

/// The tax authority's side (issue 16, SPEC 12.7–12.8) through the real daemon: secure messages
/// round trip staff → practitioner → staff, PPS orders, and their codes.
@Suite("Staff: secure messages and PPS end to end", .serialized)
struct StaffTests {
    static let last = TDSWorld.lastYear

    @Test("A secure message and its reply, each opened with stock openssl; MSG-001 and MSG-002; no subject or body in a log line", arguments: Store.allCases)
    func messages(store: Store) throws {
        let h = try AccountWorld.harness(store: store)
        try h.startDaemon()
        let subject = "Your \(Self.last) return: receipts needed"
        let body = "Please send the receipts for Schedule C, lines 8 to 27. Unique-marker-9731."
        let sent = try AccountWorld.submit(h, "sam.staff", [
            ("msg.json", ["type": "secure-message", "to": "dana", "tin": TDSWorld.ralphTIN, "form": "1040", "period": Self.last,
                          "subject": subject, "body": body]),
            ("no-auth.json", ["type": "secure-message", "to": "eve", "tin": TDSWorld.ralphTIN, "form": "1040", "period": Self.last,
                              "subject": "s", "body": "b"]),
            ("unknown.json", ["type": "secure-message", "to": "nobody", "tin": TDSWorld.ralphTIN, "form": "1040", "period": Self.last,
                              "subject": "s", "body": "b"]),
            ("own.json", ["type": "secure-message", "to": "rose.cedar", "tin": AccountWorld.rose, "form": "1040", "period": Self.last,
                          "subject": "Your account", "body": "A question about your account."]),
        ])
        #expect(DaemonHarness.codes(sent["no-auth.json"]) == ["MSG-002"])
        #expect(DaemonHarness.codes(sent["unknown.json"]) == ["MSG-002"])
        #expect(sent["own.json"]?["status"] as? String == "accepted")
        let receipt = try #require(sent["msg.json"]?["message"] as? [String: Any])
        let id = try #require(receipt["id"] as? String)
        #expect(receipt["thread"] as? String == id)
        let received = try #require(try AccountWorld.opened(h, "dana", kind: "message").first)
        #expect(received["subject"] as? String == subject && received["body"] as? String == body)
        #expect(received["thread"] as? String == id && received["from"] as? String == "sam.staff")
        #expect((received["taxpayer"] as? [String: Any])?["tin"] as? String == "XXX-XX-2345")

        // Dana answers; a reply to a message not hers, or to nothing, is MSG-001.
        let replies = try AccountWorld.submit(h, "dana", [
            ("reply.json", ["type": "message-reply", "message": id, "body": "Sent by mail today. Reply-marker-4410."]),
        ])
        #expect(replies["reply.json"]?["status"] as? String == "accepted")
        let wrong = try AccountWorld.submit(h, "eve", [("reply.json", ["type": "message-reply", "message": id, "body": "x"]),
                                                       ("none.json", ["type": "message-reply", "message": "01M8Q0000000000000000000XX", "body": "x"])])
        #expect(wrong.values.allSatisfy { DaemonHarness.codes($0) == ["MSG-001"] })
        let answer = try #require(try AccountWorld.opened(h, "sam.staff", kind: "message").first)
        #expect(answer["thread"] as? String == id && answer["from"] as? String == "dana")
        #expect(answer["body"] as? String == "Sent by mail today. Reply-marker-4410.")
        #expect(answer["subject"] as? String == subject)

        // Once Dana's authorization is gone, she can no longer reply: MSG-002.
        try h.drop("dana", "withdraw.json", #"{"type":"withdrawal","authorization":"A-1"}"#)
        #expect(try h.waitForAck("dana", file: "withdraw.json")?["status"] as? String == "accepted")
        let late = try AccountWorld.submit(h, "dana", [("late.json", ["type": "message-reply", "message": id, "body": "again"])])
        #expect(DaemonHarness.codes(late["late.json"]) == ["MSG-002"])

        let log = h.daemonLogText
        #expect(!log.contains("Unique-marker-9731") && !log.contains("Reply-marker-4410") && !log.contains("receipts needed"))
        #expect(h.stopDaemon() == 0)
    }

    @Test("A PPS order: authorized items delivered to the practitioner with a notice listing them, an unauthorized one TDS-103; PPS-001 to PPS-003")
    func ppsOrders() throws {
        let h = try AccountWorld.harness()
        try h.startDaemon()
        let items = [TDSWorld.line(periods: [Self.last, TDSWorld.twoYearsAgo]),
                     TDSWorld.line(TDSWorld.strangerTIN, "SPRU", periods: [Self.last])]
        let acks = try AccountWorld.submit(h, "sam.staff", [
            ("order.json", ["type": "pps-order", "practitioner": "dana", "requests": items]),
            ("six.json", ["type": "pps-order", "practitioner": "dana", "requests": (0..<6).map {
                TDSWorld.line("400-02-\(String(1000 + $0))", "SPRU", periods: [Self.last]) }]),
            ("many.json", ["type": "pps-order", "practitioner": "dana", "requests": [TDSWorld.line(periods: (0..<31).map { String(2000 + $0) })]]),
            ("nobody.json", ["type": "pps-order", "practitioner": "nobody", "requests": items]),
            ("no-caf.json", ["type": "pps-order", "practitioner": "gail", "requests": items]),
            ("taxpayer.json", ["type": "pps-order", "practitioner": "rose.cedar", "requests": items]),
        ])
        let order = try #require(acks["order.json"])
        #expect(order["status"] as? String == "partial")
        #expect(DaemonHarness.itemCodes(order) == [[], [], ["TDS-103"]])
        #expect(DaemonHarness.codes(acks["six.json"]) == ["PPS-001"])
        #expect(DaemonHarness.codes(acks["many.json"]) == ["PPS-002"])
        for name in ["nobody.json", "no-caf.json", "taxpayer.json"] { #expect(DaemonHarness.codes(acks[name]) == ["PPS-003"], "\(name)") }
        // The transcripts are in Dana's mailbox, named in the ack and in her notice; they open with openssl.
        let files = DaemonHarness.itemFiles(order).flatMap { $0 }
        #expect(files.count == 2)
        for file in files { #expect(try h.openText("dana", file).contains("XXX-XX-2345"), "\(file) is a transcript of Ralph's account") }
        #expect(Set(files).isSubset(of: Set(h.mailboxFiles("dana"))))
        #expect(h.mailboxFiles("sam.staff").allSatisfy { !$0.contains(".transcript.") })
        let notice = try #require(try AccountWorld.opened(h, "dana", kind: "notification").first { $0["event"] as? String == "pps.delivered" })
        #expect(Set(notice["files"] as? [String] ?? []) == Set(files))
        #expect(h.stopDaemon() == 0)
    }

    @Test("sord message send and sord pps send build the document, submit it as the staff user and print its name")
    func commandLine() throws {
        let h = try AccountWorld.harness()
        try h.startDaemon()
        let bodyFile = h.root.appendingPathComponent("body.txt").path
        try "Please call us about your \(Self.last) return.".write(toFile: bodyFile, atomically: true, encoding: .utf8)
        let message = try h.sord(["message", "send", "--as", "sam.staff", "--to", "dana", "--tin", TDSWorld.ralphTIN, "--form", "1040",
                                  "--period", Self.last, "--subject", "Please call", "--body-file", bodyFile])
        #expect(message.status == 0, "\(message.err)")
        let messageName = message.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try h.waitForAck("sam.staff", file: messageName)?["status"] as? String == "accepted")
        let pps = try h.sord(["pps", "send", "--as", "sam.staff", "--practitioner", "dana", "--tin", TDSWorld.ralphTIN,
                              "--name-control", "TEAK", "--product", "account", "--form", "1040", "--periods", "\(Self.last),\(TDSWorld.twoYearsAgo)"])
        #expect(pps.status == 0, "\(pps.err)")
        let ppsName = pps.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let ack = try #require(try h.waitForAck("sam.staff", file: ppsName))
        #expect(ack["status"] as? String == "accepted" && DaemonHarness.itemFiles(ack).flatMap { $0 }.count == 2)
        // Only staff may use them.
        #expect(try h.sord(["pps", "send", "--as", "dana", "--practitioner", "dana", "--tin", TDSWorld.ralphTIN, "--name-control", "TEAK",
                            "--product", "account", "--form", "1040", "--periods", Self.last]).status != 0)
        #expect(h.stopDaemon() == 0)
    }
}
