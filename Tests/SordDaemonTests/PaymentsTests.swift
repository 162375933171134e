import Foundation
import SordCore
import Testing

/// Payments and payment plans (issue 15, SPEC 12.4–12.5) through the real daemon: every PAY and
/// PLAN code from a document that breaks it, and the postings seen in account summaries and
/// transcripts opened with stock openssl.
@Suite("Payments and plans end to end", .serialized)
struct PaymentsTests {
    static let last = TDSWorld.lastYear

    @Test("payment: same-day, scheduled and cancelled; PAY-001 to PAY-009", arguments: Store.allCases)
    func payments(store: Store) throws {
        let h = try AccountWorld.harness(store: store)
        try h.startDaemon()
        let today = AccountWorld.today
        let acks = try AccountWorld.submit(h, "dana", [
            ("same-day.json", AccountWorld.payment(AccountWorld.rose, "CEDA", amount: "100.00")),
            ("tia-only.json", AccountWorld.payment(AccountWorld.tom, "BIRC")),                                  // PAY-001
            ("business.json", AccountWorld.payment(TDSWorld.willowTIN, "WILL")),                                 // PAY-002
            ("amount.json", AccountWorld.payment(AccountWorld.rose, "CEDA", amount: "12.5")),                    // PAY-003
            ("too-much.json", AccountWorld.payment(AccountWorld.rose, "CEDA", amount: "10000000.00")),           // PAY-003
            ("past.json", AccountWorld.payment(AccountWorld.rose, "CEDA", date: today.adding(days: -1))),        // PAY-004
            ("far.json", AccountWorld.payment(AccountWorld.rose, "CEDA", date: today.adding(days: 366))),        // PAY-004
            ("routing.json", AccountWorld.payment(AccountWorld.rose, "CEDA", bank: ["routingNumber": "021000022",
                "accountNumber": "123456789", "accountType": "checking"])),                                      // PAY-006
            ("reason.json", AccountWorld.payment(AccountWorld.rose, "CEDA", period: TDSWorld.twoYearsAgo, reason: "estimated-tax")), // PAY-007
        ])
        let expected: [String: [String]] = ["tia-only.json": ["PAY-001"], "business.json": ["PAY-002"], "amount.json": ["PAY-003"],
                                            "too-much.json": ["PAY-003"], "past.json": ["PAY-004"], "far.json": ["PAY-004"],
                                            "routing.json": ["PAY-006"], "reason.json": ["PAY-007"]]
        for (name, codes) in expected { #expect(Set(DaemonHarness.codes(acks[name])) == Set(codes), "\(name): \(DaemonHarness.codes(acks[name]))") }
        let paid = try #require(acks["same-day.json"])
        let receipt = try #require(paid["payment"] as? [String: Any])
        #expect(receipt["status"] as? String == "processed" && receipt["amount"] as? String == "100.00")
        let confirmation = try #require(receipt["confirmationNumber"] as? String)
        #expect(confirmation.count == 15 && confirmation.allSatisfy(\.isNumber))

        // A scheduled payment (the second in 24 hours), a third is PAY-005; cancel one in time, and
        // one too late (PAY-009); an unknown id is PAY-008.
        let scheduled = try AccountWorld.submit(h, "dana", [
            ("later.json", AccountWorld.payment(AccountWorld.rose, "CEDA", amount: "50.00", date: today.adding(days: 30))),
        ])["later.json"]
        let later = try #require((scheduled?["payment"] as? [String: Any])?["id"] as? String)
        #expect((scheduled?["payment"] as? [String: Any])?["status"] as? String == "scheduled")
        let third = try AccountWorld.submit(h, "rose.cedar", [("third.json", AccountWorld.payment(AccountWorld.rose, "CEDA", amount: "10.00",
                                                                                                 date: today.adding(days: 1)))])
        #expect(DaemonHarness.codes(third["third.json"]) == ["PAY-005"])
        let cancelled = try AccountWorld.submit(h, "dana", [("cancel.json", ["type": "payment-cancel", "payment": later]),
                                                            ("unknown.json", ["type": "payment-cancel", "payment": "01M8Q0000000000000000000XX"])])
        #expect(cancelled["cancel.json"]?["status"] as? String == "accepted")
        #expect(DaemonHarness.codes(cancelled["unknown.json"]) == ["PAY-008"])
        // Cancelling again: no longer scheduled.
        var again: [String: Any] = ["type": "payment-cancel", "payment": later]
        again["clientRef"] = "again"
        #expect(DaemonHarness.codes(try AccountWorld.submit(h, "dana", [("again.json", again)])["again.json"]) == ["PAY-008"])
        // The next day's payment, for a taxpayer without others today, cannot be cancelled: fewer than two business days.
        let soon = try AccountWorld.submit(h, "dana", [("soon.json", AccountWorld.payment(AccountWorld.big, "BIG", amount: "20.00",
                                                                                         date: today.adding(days: 1)))])
        let soonID = try #require((soon["soon.json"]?["payment"] as? [String: Any])?["id"] as? String)
        #expect(DaemonHarness.codes(try AccountWorld.submit(h, "dana", [("late.json", ["type": "payment-cancel", "payment": soonID])])["late.json"])
                == ["PAY-009"])

        // The same-day payment shows in the account summary and on the transcript; notifications reached both parties.
        let summary = try AccountWorld.submit(h, "dana", [("summary.json", ["type": "account-summary", "tin": AccountWorld.rose,
            "nameControl": "CEDA", "form": "1040", "periods": [Self.last]])])
        let report = try JSONSerialization.jsonObject(with: AccountWorld.report(h, "dana", summary["summary.json"])) as? [String: Any]
        let period = (report?["periods"] as? [[String: Any]])?.first
        #expect(period?["balance"] as? String == "1400.00")
        #expect((period?["payments"] as? [[String: Any]])?.contains { $0["code"] as? String == "670" && $0["amount"] as? String == "-100.00" } == true)
        let transcript = try AccountWorld.submit(h, "dana", [("transcript.json", TDSWorld.request([TDSWorld.line(AccountWorld.rose, "CEDA", periods: [Self.last])]))])
        let file = try #require((transcript["transcript.json"]?["items"] as? [[String: Any]])?.first?["files"] as? [String])
        let text = try h.openText("dana", try #require(file.first))
        #expect(text.contains("670") && text.contains("-100.00") || text.contains("-$100.00"), "transcript: \(text.prefix(400))")
        let events = try AccountWorld.opened(h, "rose.cedar", kind: "notification").compactMap { $0["event"] as? String }
        #expect(events.filter { $0 == "payment.posted" }.count == 1)
        #expect(events.contains("payment.scheduled") && events.contains("payment.cancelled"))
        // Bank account numbers never appear unmasked in a notification, nor in a log line.
        for user in ["dana", "rose.cedar"] {
            for name in h.mailboxFiles(user) where !name.contains(".ack.") {
                let data = try h.openWithOpenSSL(user: user, path: h.mailboxNew(user) + "/" + name)
                #expect(!String(decoding: data, as: UTF8.self).contains("123456789"), "\(name) shows the account number")
            }
        }
        #expect(!h.daemonLogText.contains("123456789"))
        #expect(h.stopDaemon() == 0)
    }

    @Test("payment-plan: established with fee and postings, revised; PLAN-001 to PLAN-008", arguments: Store.allCases)
    func plans(store: Store) throws {
        let h = try AccountWorld.harness(store: store)
        try h.startDaemon()
        let today = AccountWorld.today
        var shortTerm: [String: Any] = ["type": "payment-plan", "action": "create", "tin": AccountWorld.big, "nameControl": "BIG",
                                        "plan": "short-term", "payBy": today.adding(days: 90).description]
        let acks = try AccountWorld.submit(h, "dana", [
            ("no-return.json", AccountWorld.longTermPlan(AccountWorld.noReturn, "NORE")),                          // PLAN-001
            ("big.json", shortTerm),                                                                                // PLAN-002
            ("mid.json", AccountWorld.longTermPlan(AccountWorld.mid, "MID", monthly: "1000.00", directDebit: false)), // PLAN-003
            ("low.json", AccountWorld.longTermPlan(AccountWorld.rose, "CEDA", monthly: "1.00")),                    // PLAN-004
            ("day.json", AccountWorld.longTermPlan(AccountWorld.rose, "CEDA", dueDay: 29)),                         // PLAN-005
            ("zero.json", AccountWorld.longTermPlan(AccountWorld.zero, "ZERO")),                                    // PLAN-006
            ("revise.json", ["type": "payment-plan", "action": "revise", "plan": "01M8Q0000000000000000000XX", "dueDay": 3]), // PLAN-007
            ("tia.json", AccountWorld.longTermPlan(AccountWorld.tom, "BIRC")),                                      // PAY-001
        ])
        let expected: [String: String] = ["no-return.json": "PLAN-001", "big.json": "PLAN-002", "mid.json": "PLAN-003",
                                          "low.json": "PLAN-004", "day.json": "PLAN-005", "zero.json": "PLAN-006",
                                          "revise.json": "PLAN-007", "tia.json": "PAY-001"]
        for (name, code) in expected {
            #expect(DaemonHarness.codes(acks[name]).contains(code), "\(name): \(DaemonHarness.codes(acks[name]))")
        }
        shortTerm["payBy"] = today.adding(days: 181).description
        shortTerm["tin"] = AccountWorld.mid
        shortTerm["nameControl"] = "MID"
        #expect(DaemonHarness.codes(try AccountWorld.submit(h, "dana", [("slow.json", shortTerm)])["slow.json"]).contains("PLAN-004"))

        // Rose owes 1,500.00 + 12.34 + 5.00 and 800.00: a long-term plan with direct debit.
        let made = try AccountWorld.submit(h, "dana", [("plan.json", AccountWorld.longTermPlan(AccountWorld.rose, "CEDA", monthly: "500.00"))])
        let plan = try #require(made["plan.json"]?["plan"] as? [String: Any], "\(DaemonHarness.codes(made["plan.json"]))")
        #expect(plan["status"] as? String == "active" && plan["fee"] as? String == "22.00")
        #expect(plan["periods"] as? [String] == [TDSWorld.twoYearsAgo, Self.last])
        let id = try #require(plan["id"] as? String)
        // A second plan for the same taxpayer is PLAN-008; a revision to no direct debit charges 10.00? No: the plan stays
        // direct debit, so the revision is free.
        let second = try AccountWorld.submit(h, "rose.cedar", [("second.json", AccountWorld.longTermPlan(AccountWorld.rose, "CEDA"))])
        #expect(DaemonHarness.codes(second["second.json"]).contains("PLAN-008"))
        let revised = try AccountWorld.submit(h, "dana", [("rev.json", ["type": "payment-plan", "action": "revise", "plan": id, "dueDay": 3,
                                                                        "monthlyPayment": "600.00"])])
        #expect((revised["rev.json"]?["plan"] as? [String: Any])?["fee"] as? String == "0.00", "\(DaemonHarness.codes(revised["rev.json"]))")

        // The summary shows the plan and the TC 971 / TC 360 postings.
        let summary = try AccountWorld.submit(h, "rose.cedar", [("summary.json", ["type": "account-summary", "tin": AccountWorld.rose,
            "nameControl": "CEDA", "form": "1040", "periods": [Self.last, TDSWorld.twoYearsAgo]])])
        let report = try JSONSerialization.jsonObject(with: AccountWorld.report(h, "rose.cedar", summary["summary.json"])) as? [String: Any]
        let periods = report?["periods"] as? [[String: Any]] ?? []
        #expect(periods.allSatisfy { ($0["plan"] as? [String: Any])?["id"] as? String == id })
        let account = (periods.compactMap { ($0["plan"] as? [String: Any])?["directDebit"] as? [String: Any] }.first)
        #expect(account?["accountNumber"] as? String == "XXXXX6789")
        let latest = try #require(periods.first { $0["period"] as? String == Self.last })
        #expect(latest["balance"] as? String == "1522.00", "the 22.00 fee posts on the latest period")
        let events = try AccountWorld.opened(h, "dana", kind: "notification").compactMap { $0["event"] as? String }
        #expect(events.contains("payment-plan.established") && events.contains("payment-plan.revised"))
        #expect(h.stopDaemon() == 0)
    }
}
