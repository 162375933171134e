import Foundation
import SordCore
import Testing

/// The account views of Tax Pro Account (issue 14, SPEC 12.1–12.3) through the real daemon:
/// every new reason code from a document that breaks it, and the reports opened with stock openssl.
@Suite("Account views end to end", .serialized)
struct AccountViewsTests {
    @Test("caf-request: a new CAF number linked and reported; CAF-003 and CAF-005")
    func cafRequest() throws {
        let h = try AccountWorld.harness()
        // Hal is on the Master File under his name and has no CAF number; Kim is not on the Master File.
        try h.importRecords([#"{"record":"entity","tin":"400-56-7777","name":{"first":"Hal","last":"Hemlock"},"address":{"street":"1 Oak St","city":"Bend","state":"OR","zip":"97701"}}"#])
        try h.addUser("hal", first: "Hal", last: "Hemlock", tin: "400-56-7777", keyType: "ec")
        try h.addUser("kim", first: "Kim", last: "Nowhere", tin: "400-56-8888", keyType: "ec")
        try h.startDaemon()
        let request: [String: Any] = ["type": "caf-request", "address": ["street": "1 Oak St", "city": "Bend", "state": "OR", "zip": "97701"]]
        let hal = try #require(try AccountWorld.submit(h, "hal", [("caf.json", request)])["caf.json"])
        #expect(hal["status"] as? String == "accepted", "\(DaemonHarness.codes(hal))")
        let caf = try #require(hal["cafNumber"] as? String)
        let assigned = try CAFNumber(parsing: caf)
        #expect(caf.count == 10 && CAFNumber.issuingPrefixes.contains(assigned.prefix))
        #expect(try AccountWorld.opened(h, "hal", kind: "notification").contains { $0["event"] as? String == "caf-number.assigned" && $0["caf"] as? String == caf })
        // Linked now: a second request is CAF-005, and the new number serves a client list.
        var again = request
        again["clientRef"] = "again"
        #expect(DaemonHarness.codes(try AccountWorld.submit(h, "hal", [("again.json", again)])["again.json"]) == ["CAF-005"])
        #expect(DaemonHarness.codes(try AccountWorld.submit(h, "kim", [("caf.json", request)])["caf.json"]) == ["CAF-003"])
        #expect(DaemonHarness.codes(try AccountWorld.submit(h, "dana", [("caf.json", request)])["caf.json"]) == ["CAF-005"])
        let list = try AccountWorld.submit(h, "hal", [("list.json", ["type": "client-list"])])["list.json"]
        #expect(list?["status"] as? String == "accepted")
        #expect(h.stopDaemon() == 0)
    }

    @Test("client-list and request-list as JSON and text reports, opened with stock openssl; ACC-001 and ACC-002")
    func lists() throws {
        let h = try AccountWorld.harness()
        try h.startDaemon()
        // A Tax Pro Account request for Rose, so the request list has one.
        let tpa: [String: Any] = ["type": "authorization", "form": "8821", "channel": "tax-pro-account",
            "taxpayer": ["name": ["first": "Rose", "last": "Cedar"], "tin": AccountWorld.rose,
                         "address": ["street": "12 Alder Street", "city": "Salem", "state": "OR", "zip": "97301"]],
            "representatives": [["name": ["first": "Dana", "last": "Oak"], "caf": "0312-34567R",
                                 "address": ["street": "9 Elm Ave", "city": "Portland", "state": "OR", "zip": "97201"],
                                 "receiveNotices": false]],
            "matters": [["description": "Civil Penalty", "form": "Civil Penalty", "periods": ["\(TDSWorld.lastYear)-12"]]]]
        #expect(try AccountWorld.submit(h, "dana", [("tpa.json", tpa)])["tpa.json"]?["status"] as? String == "pending")
        let acks = try AccountWorld.submit(h, "dana", [
            ("clients.json", ["type": "client-list"]), ("clients-text.json", ["type": "client-list", "format": "text"]),
            ("requests.json", ["type": "request-list"]), ("requests-text.json", ["type": "request-list", "format": "text"]),
        ])
        let clients = try JSONSerialization.jsonObject(with: AccountWorld.report(h, "dana", acks["clients.json"])) as? [String: Any]
        #expect(clients?["type"] as? String == "report" && clients?["report"] as? String == "client-list")
        let listed = clients?["authorizations"] as? [[String: Any]] ?? []
        #expect(Set(listed.compactMap { $0["id"] as? String }).isSuperset(of: ["P-Cedar", "P-Birch", "A-1", "A-2"]))
        let rose = try #require(listed.first { $0["id"] as? String == "P-Cedar" })
        #expect(rose["form"] as? String == "2848" && rose["channel"] as? String == "imported")
        let taxpayer = rose["taxpayer"] as? [String: Any]
        #expect(taxpayer?["tin"] as? String == "XXX-XX-1111")
        let clientText = String(decoding: try AccountWorld.report(h, "dana", acks["clients-text.json"]), as: UTF8.self)
        #expect(clientText.contains("P-Cedar") && clientText.contains("XXX-XX-1111") && !clientText.contains(AccountWorld.rose))

        let requests = try JSONSerialization.jsonObject(with: AccountWorld.report(h, "dana", acks["requests.json"])) as? [String: Any]
        let sent = requests?["requests"] as? [[String: Any]] ?? []
        #expect(sent.count == 1 && sent.first?["status"] as? String == "pending" && sent.first?["expiresAt"] != nil)
        let requestText = String(decoding: try AccountWorld.report(h, "dana", acks["requests-text.json"]), as: UTF8.self)
        #expect(requestText.contains("pending") || requestText.contains("Pending") || requestText.contains("PENDING"), "\(requestText)")

        // Gail has no linked CAF number; Finn's is suspended (practice code S).
        #expect(DaemonHarness.codes(try AccountWorld.submit(h, "gail", [("l.json", ["type": "client-list"])])["l.json"]) == ["ACC-001"])
        #expect(DaemonHarness.codes(try AccountWorld.submit(h, "finn", [("l.json", ["type": "request-list"])])["l.json"]) == ["ACC-002"])
        #expect(h.stopDaemon() == 0)
    }

    @Test("account-summary: balances, payoff, payments and audit status for covered periods; ACC-003 to ACC-006")
    func accountSummary() throws {
        let h = try AccountWorld.harness()
        try h.startDaemon()
        let last = TDSWorld.lastYear, before = TDSWorld.twoYearsAgo
        func summary(_ tin: String, _ control: String, _ periods: [String], format: String = "json") -> [String: Any] {
            ["type": "account-summary", "tin": tin, "nameControl": control, "form": "1040", "periods": periods, "format": format]
        }
        let acks = try AccountWorld.submit(h, "dana", [
            ("rose.json", summary(AccountWorld.rose, "CEDA", [last, before])),
            ("rose-text.json", summary(AccountWorld.rose, "CEDA", [last], format: "text")),
            ("partial.json", summary(AccountWorld.rose, "CEDA", [last, TDSWorld.threeYearsAgo, "1990", "20x4"])),
            ("wrong-name.json", summary(AccountWorld.rose, "CEDR", [last])),
            ("stranger.json", summary(TDSWorld.strangerTIN, "SPRU", [last])),
            ("nobody.json", summary("400-09-8765", "NOBO", [last])),
        ])
        let rose = try JSONSerialization.jsonObject(with: AccountWorld.report(h, "dana", acks["rose.json"])) as? [String: Any]
        let periods = rose?["periods"] as? [[String: Any]] ?? []
        #expect(periods.count == 2)
        let first = try #require(periods.first { $0["period"] as? String == last })
        #expect(first["balance"] as? String == "1500.00" && first["payoff"] as? String == "1517.34")
        #expect((first["audit"] as? [String: Any])?["status"] as? String == "open")
        let older = try #require(periods.first { $0["period"] as? String == before })
        #expect((older["payments"] as? [[String: Any]])?.contains { $0["amount"] as? String == "-200.00" && $0["code"] as? String == "670" } == true)
        #expect((rose?["taxpayer"] as? [String: Any])?["tin"] as? String == "XXX-XX-1111")
        let text = String(decoding: try AccountWorld.report(h, "dana", acks["rose-text.json"]), as: UTF8.self)
        #expect(text.contains("1,517.34") || text.contains("1517.34"))
        // Per period: three years ago is not covered (ACC-004), 1990 is outside the window and 20x4 malformed (ACC-005).
        let partial = try #require(acks["partial.json"])
        #expect(partial["status"] as? String == "partial")
        #expect(Set(DaemonHarness.codes(partial)) == ["ACC-004", "ACC-005"])
        #expect(DaemonHarness.codes(acks["wrong-name.json"]) == ["ACC-003"])
        // Not covered: the same ACC-004 whether or not the taxpayer is on the Master File.
        #expect(DaemonHarness.codes(acks["stranger.json"]) == ["ACC-004"])
        #expect(DaemonHarness.codes(acks["nobody.json"]) == ["ACC-004"])
        // Covered but no module: ACC-006.
        try h.importRecords([AccountWorld.poa("P-Extra", TDSWorld.strangerTIN, periods: [TDSWorld.threeYearsAgo])])
        let none = try AccountWorld.submit(h, "dana", [("none.json", summary(TDSWorld.strangerTIN, "SPRU", [TDSWorld.threeYearsAgo]))])
        #expect(DaemonHarness.codes(none["none.json"]) == ["ACC-006"])
        // A taxpayer sees their own account unmasked, and nobody else's.
        let own = try AccountWorld.submit(h, "rose.cedar", [("mine.json", summary(AccountWorld.rose, "CEDA", [last])),
                                                               ("theirs.json", summary(AccountWorld.tom, "BIRC", [last]))])
        let mine = try JSONSerialization.jsonObject(with: AccountWorld.report(h, "rose.cedar", own["mine.json"])) as? [String: Any]
        #expect((mine?["taxpayer"] as? [String: Any])?["tin"] as? String == AccountWorld.rose)
        #expect(DaemonHarness.codes(own["theirs.json"]) == ["ACC-004"])
        #expect(h.stopDaemon() == 0)
    }

    @Test("Who may submit what: staff only staff documents, taxpayers only their own (SUB-007)")
    func permissions() throws {
        let h = try AccountWorld.harness()
        try h.startDaemon()
        let staff = try AccountWorld.submit(h, "sam.staff", [("list.json", ["type": "client-list"]),
                                                             ("tds.json", TDSWorld.request([TDSWorld.line(periods: [TDSWorld.lastYear])]))])
        #expect(staff.values.allSatisfy { DaemonHarness.codes($0) == ["SUB-007"] })
        let taxpayer = try AccountWorld.submit(h, "rose.cedar", [("list.json", ["type": "client-list"]),
            ("msg.json", ["type": "secure-message", "to": "dana", "tin": AccountWorld.rose, "form": "1040",
                          "period": TDSWorld.lastYear, "subject": "s", "body": "b"])])
        #expect(taxpayer.values.allSatisfy { DaemonHarness.codes($0) == ["SUB-007"] })
        let practitioner = try AccountWorld.submit(h, "dana", [("pps.json", ["type": "pps-order", "practitioner": "dana",
            "requests": [TDSWorld.line(periods: [TDSWorld.lastYear])]])])
        #expect(DaemonHarness.codes(practitioner["pps.json"]) == ["SUB-007"])
        #expect(h.stopDaemon() == 0)
    }
}
