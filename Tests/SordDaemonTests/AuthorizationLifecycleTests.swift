import Foundation
import Testing
import SordCore
import SordStore

/// Authorizations through their life on a running daemon: uploaded, recorded, revoked by later ones
/// (with the notification fan-out), retained, not recorded (line 4), given a new CAF number,
/// withdrawn; TDS delegation; and the Tax Pro Account round trip through the practitioner's and the
/// taxpayer's inboxes and mailboxes. The CAF is read back from the database after each step.
@Suite("Authorization lifecycle end to end", .serialized)
struct AuthorizationLifecycleTests {
    typealias E = AuthorizationE2E

    /// Drops a document and returns its ack.
    private func submit(_ h: DaemonHarness, _ user: String, _ name: String, _ json: [String: Any]) throws -> [String: Any] {
        try h.drop(user, name, json: json)
        return try #require(try h.waitForAck(user, file: name), "no ack for \(name)")
    }

    private func authorizationID(_ ack: [String: Any]) -> String? {
        (ack["authorization"] as? [String: Any])?["id"] as? String
    }

    private func authorizationStatus(_ ack: [String: Any]) -> String? {
        (ack["authorization"] as? [String: Any])?["status"] as? String
    }

    private func record(_ h: DaemonHarness, _ id: String) throws -> CAFAuthorizationRecord? {
        try h.read { try $0.authorization(id: id) }
    }

    /// The notifications in a user's mailbox, by event.
    private func notifications(_ h: DaemonHarness, _ user: String, count: Int) throws -> [[String: Any]] {
        let found = try h.waitForFiles(user, kind: "notification", count: count)
        #expect(found.count == count, "\(user): \(found.map { $0["event"] ?? "" })")
        for notice in found {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: notice), as: UTF8.self)
            #expect(!text.contains("400-01-2345") && !text.contains("Ralph") && !text.contains("Teak"), "a notification holds personal data")
            #expect(notice["type"] as? String == "notification")
        }
        return found
    }

    @Test("upload: record, revoke with notices, retain, line 4, a new CAF number, withdraw, delegate", arguments: Store.allCases)
    func uploadLifecycle(store: Store) throws {
        let h = try E.harness(store: store)
        try h.startDaemon()
        let today = E.today.description

        // 1. Dana's 2848 is recorded under the id the ack names.
        let first = try submit(h, "dana", "first.json", E.upload([E.dana(notices: true)]) { $0["clientRef"] = "c-1" })
        #expect(first["status"] as? String == "accepted" && first["clientRef"] as? String == "c-1")
        #expect(authorizationStatus(first) == "recorded")
        let d1 = try #require(authorizationID(first))
        let recorded = try #require(try record(h, d1))
        #expect(recorded.status == .active && recorded.caf == "0312-34567R" && recorded.form == .poa2848)
        #expect(recorded.tin == "400-01-2345" && recorded.receiveNotices && recorded.designation == "c" && recorded.recordedOn == today)
        #expect(recorded.matters == [Matter(description: "Income", form: "1040", periods: ["2023", "2024"])])

        // 2. Ash's 2848 for 2024 revokes Dana's; Dana is told.
        let second = try submit(h, "ash", "second.json", E.upload([E.ash()], periods: ["2024"]))
        let a1 = try #require(authorizationID(second))
        #expect(try record(h, d1)?.status == .revoked)
        #expect(try record(h, d1)?.revokedBy == a1)
        #expect(try record(h, d1)?.revokedOn == today)
        let revokedNotice = try #require(try notifications(h, "dana", count: 1).first)
        #expect(revokedNotice["event"] as? String == "authorization.revoked")
        #expect(revokedNotice["authorization"] as? String == d1 && revokedNotice["revokedBy"] as? String == a1)
        #expect(revokedNotice["taxpayer"] as? String == "XXX-XX-2345")

        // 3. An 8821 does not revoke a 2848.
        let tia = try submit(h, "dana", "tia.json", E.upload([E.dana(designation: nil, signedOn: nil)], periods: ["2024"]) { $0["form"] = "8821" })
        let t1 = try #require(authorizationID(tia))
        #expect(try record(h, t1)?.form == .tia8821 && record(h, a1)?.status == .active)

        // 4. Line 6 keeps the earlier ones; the other representative is told of theirs.
        let retained = try submit(h, "dana", "retain.json", E.upload([E.dana(), E.ash()]) { $0["retainPrior"] = true })
        let d4 = try #require(authorizationID(retained))
        #expect(try record(h, a1)?.status == .active)
        let ashRecorded = try #require(try notifications(h, "ash", count: 1).first)
        #expect(ashRecorded["event"] as? String == "authorization.recorded")
        let a4 = try #require(ashRecorded["authorization"] as? String)
        let ashCAF = try record(h, a4)?.caf, danaCAF = try record(h, d4)?.caf
        #expect(a4 != d4 && ashCAF == "2012-34567" && danaCAF == "0312-34567R")

        // 5. Line 4: accepted, not recorded, nothing revoked.
        let before = try h.read { try $0.db.count("SELECT COUNT(*) FROM caf_authorization") }
        let specific = try submit(h, "dana", "specific.json", E.upload([E.dana()]) { $0["specificUse"] = true })
        #expect(specific["status"] as? String == "accepted" && authorizationStatus(specific) == "not-recorded")
        #expect(try h.read { try $0.db.count("SELECT COUNT(*) FROM caf_authorization") } == before)
        #expect(try record(h, a1)?.status == .active)

        // 6. A representative without a CAF number gets one; the form revokes every earlier 2848
        //    for these matters and periods, and each representative is told (fan-out).
        let none: [String: Any] = ["name": ["first": "Nia", "last": "Reed"], "caf": "None", "ptin": "P07654321", "address": E.birch,
                                   "designation": "c", "jurisdiction": "OR", "signedOn": E.today.adding(days: -1).description]
        let assigned = try submit(h, "newrep", "none.json", E.upload([none]))
        #expect(assigned["status"] as? String == "accepted", "\(DaemonHarness.codes(assigned))")
        let cafText = try #require(assigned["cafNumber"] as? String)
        let caf = try CAFNumber(parsing: cafText)
        #expect(CAFNumber.issuingPrefixes.contains(caf.prefix))
        let newRecord = try #require(try h.read { try $0.representative(caf: caf) })
        #expect(newRecord.tin == "400-55-3333" && newRecord.ptin == "P07654321" && newRecord.practiceCode == "")
        let n1 = try #require(authorizationID(assigned))
        #expect(try record(h, n1)?.caf == cafText)
        for id in [a1, d4, a4] {
            #expect(try record(h, id)?.status == .revoked && record(h, id)?.revokedBy == n1, "\(id)")
        }
        #expect(try record(h, t1)?.status == .active)
        let assignedNotice = try #require(try notifications(h, "newrep", count: 1).first)
        #expect(assignedNotice["event"] as? String == "caf-number.assigned" && assignedNotice["caf"] as? String == cafText)
        let danaEvents = try notifications(h, "dana", count: 2).compactMap { $0["authorization"] as? String }
        #expect(Set(danaEvents) == [d1, d4])
        let ashRevoked = try notifications(h, "ash", count: 3).filter { $0["event"] as? String == "authorization.revoked" }
        #expect(Set(ashRevoked.compactMap { $0["authorization"] as? String }) == [a1, a4])

        // 7. Withdrawals: only an active authorization naming the submitter.
        #expect(DaemonHarness.codes(try submit(h, "ash", "wd-revoked.json", ["type": "withdrawal", "authorization": a1])) == ["WD-001"])
        #expect(DaemonHarness.codes(try submit(h, "ash", "wd-other.json", ["type": "withdrawal", "authorization": t1])) == ["WD-001"])
        let withdrawn = try submit(h, "dana", "wd.json", ["type": "withdrawal", "authorization": t1])
        #expect(withdrawn["status"] as? String == "accepted")
        #expect(try record(h, t1)?.status == .withdrawn && record(h, t1)?.revokedOn == today)
        #expect(try notifications(h, "dana", count: 3).contains { $0["event"] as? String == "authorization.withdrawn" })
        #expect(DaemonHarness.codes(try submit(h, "dana", "wd-again.json", ["type": "withdrawal", "authorization": t1, "clientRef": "again"])) == ["WD-001"])

        // 8. Delegation sets and clears the delegate's TDS flag.
        func tds() throws -> Bool? {
            try h.read { try $0.efileMember(efin: EFIN(parsing: "123456"), user: "ash")?.tds }
        }
        let grant = try submit(h, "dana", "grant.json", ["type": "delegation", "efin": "123456", "delegate": "ash", "authority": "tds", "action": "grant"])
        let granted = try tds()
        #expect(grant["status"] as? String == "accepted" && granted == true)
        let revoke = try submit(h, "dana", "revoke.json", ["type": "delegation", "efin": "123456", "delegate": "ash", "authority": "tds", "action": "revoke"])
        let revoked = try tds()
        #expect(revoke["status"] as? String == "accepted" && revoked == false)

        // Every CAF change is in the audit chain, by id only.
        let audit = try h.read { try $0.db.query("SELECT action || ' ' || subject || ' ' || detail FROM audit").map { $0.string(0) } }
        #expect(audit.contains { $0.hasPrefix("caf.authorization-revoked \(d1)") })
        #expect(audit.contains { $0.hasPrefix("caf.number-assigned \(cafText)") })
        #expect(audit.contains { $0.hasPrefix("caf.authorization-withdrawn \(t1)") })
        #expect(audit.contains { $0.hasPrefix("efile.tds-granted ash") })
        #expect(!audit.contains { $0.contains("400-01-2345") || $0.contains("Teak") })
        #expect(h.stopDaemon() == 0)
    }

    @Test("Tax Pro Account: request, wrong taxpayer, approve with revocation, reject, two-notice limit", arguments: Store.allCases)
    func taxProAccountRoundTrip(store: Store) throws {
        let h = try E.harness(store: store)
        try h.startDaemon()
        let today = E.today.description

        // An earlier 2848 from Ash, which the approved request will revoke.
        let earlier = try submit(h, "ash", "earlier.json", E.upload([E.ash()], periods: ["2024"]))
        let a1 = try #require(authorizationID(earlier))

        // 1. Dana asks; the request lands in Ralph's mailbox; nothing is on the CAF yet.
        let asked = try submit(h, "dana", "ask.json", E.request { $0["representatives"] = [E.dana(notices: true, signedOn: nil)] })
        #expect(asked["status"] as? String == "pending" && authorizationStatus(asked) == "pending-taxpayer")
        let requestID = try #require(authorizationID(asked))
        #expect(try record(h, requestID) == nil)
        let request = try #require(try h.waitForFiles("ralph", kind: "request", count: 1).first)
        #expect(request["type"] as? String == "request" && request["request"] as? String == requestID)
        #expect(request["form"] as? String == "2848" && request["receiveNotices"] as? Bool == true)
        let representative = try #require(request["representative"] as? [String: Any])
        #expect(representative["caf"] as? String == "0312-34567R" && representative["designation"] as? String == "c")
        #expect((representative["name"] as? [String: Any])?["last"] as? String == "Oak")
        #expect((request["matters"] as? [[String: Any]])?.first?["periods"] as? [String] == ["2023", "2024"])
        #expect(h.mailboxFiles("rita").isEmpty)

        // 2. Only Ralph may answer, and only a pending request.
        #expect(DaemonHarness.codes(try submit(h, "rita", "not-mine.json",
            ["type": "authorization-decision", "request": requestID, "decision": "approve"])) == ["TPA-009"])
        #expect(DaemonHarness.codes(try submit(h, "ralph", "unknown.json",
            ["type": "authorization-decision", "request": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "decision": "approve"])) == ["TPA-009"])
        #expect(DaemonHarness.codes(try submit(h, "dana", "practitioner.json",
            ["type": "authorization-decision", "request": requestID, "decision": "approve"])) == ["SUB-007"])

        // 3. Ralph approves: recorded under the request id, signed today; Ash's earlier one revoked.
        let approved = try submit(h, "ralph", "approve.json", ["type": "authorization-decision", "request": requestID, "decision": "approve"])
        #expect(approved["status"] as? String == "accepted" && authorizationStatus(approved) == "recorded")
        let recorded = try #require(try record(h, requestID))
        #expect(recorded.status == .active && recorded.caf == "0312-34567R" && recorded.recordedOn == today && recorded.receiveNotices)
        #expect(try record(h, a1)?.status == .revoked && record(h, a1)?.revokedBy == requestID)
        let danaNotice = try #require(try notifications(h, "dana", count: 1).first)
        #expect(danaNotice["event"] as? String == "tpa-request.approved" && danaNotice["authorization"] as? String == requestID)
        let ashNotice = try #require(try notifications(h, "ash", count: 1).first)
        #expect(ashNotice["event"] as? String == "authorization.revoked" && ashNotice["authorization"] as? String == a1)
        #expect(DaemonHarness.codes(try submit(h, "ralph", "approve-again.json",
            ["type": "authorization-decision", "request": requestID, "decision": "approve", "clientRef": "again"])) == ["TPA-009"])

        // 4. A second request (8821), rejected: closed, not recorded, Dana told.
        let second = try submit(h, "dana", "ask-8821.json", E.request {
            $0["form"] = "8821"
            $0["representatives"] = [E.dana(designation: nil, signedOn: nil)]
        })
        let secondID = try #require(authorizationID(second))
        _ = try h.waitForFiles("ralph", kind: "request", count: 2)
        let rejected = try submit(h, "ralph", "reject.json", ["type": "authorization-decision", "request": secondID, "decision": "reject"])
        #expect(rejected["status"] as? String == "accepted" && authorizationStatus(rejected) == "not-recorded")
        #expect(try record(h, secondID) == nil)
        #expect(try notifications(h, "dana", count: 2).contains { $0["event"] as? String == "tpa-request.rejected" && $0["request"] as? String == secondID })

        // 5. Rita already has two other representatives receiving notice copies: not processed.
        let ritaAsk = try submit(h, "dana", "ask-rita.json", E.request {
            $0["taxpayer"] = ["name": ["first": "Rita", "last": "Fir"], "tin": "400-01-3456", "address": E.alder]
            $0["representatives"] = [E.dana(notices: true, signedOn: nil)]
        })
        let ritaID = try #require(authorizationID(ritaAsk))
        #expect(try h.waitForFiles("rita", kind: "request", count: 1).first?["request"] as? String == ritaID)
        let limited = try submit(h, "rita", "approve-rita.json", ["type": "authorization-decision", "request": ritaID, "decision": "approve"])
        #expect(DaemonHarness.codes(limited) == ["TPA-010"] && authorizationStatus(limited) == "not-processed")
        #expect(try record(h, ritaID) == nil)
        #expect(try notifications(h, "dana", count: 3).contains { $0["event"] as? String == "tpa-request.not-processed" && $0["code"] as? String == "TPA-010" })

        let states = try h.read { reference in
            try [requestID, secondID, ritaID].map { try TaxProAccountRequestRecord.find($0, in: reference.db)?.status }
        }
        #expect(states == ["approved", "rejected", "not-processed"])
        #expect(h.stopDaemon() == 0)
    }
}
