import Foundation
import SordCore
import Testing

/// The scheduler (SPEC 12.6) with the daemon's clock moved forward by Debian's libfaketime,
/// preloaded into `sord run` (no clock code in the product): a daemon stopped for 40 days catches
/// up in date order, each posting once, even when SIGKILLed in the middle of the catch-up.
@Suite("Scheduler end to end", .serialized)
struct SchedulerTests {
    static let libfaketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"

    /// The environment that runs the daemon `days` ahead.
    static func ahead(_ days: Int) -> [String: String] {
        ["LD_PRELOAD": libfaketime, "FAKETIME": "+\(days)d", "FAKETIME_DONT_FAKE_MONOTONIC": "1"]
    }

    /// Starts the daemon through a shell that `exec`s it, so the preloaded process is the daemon
    /// itself (a SIGKILL hits it). Started directly by the test process, libfaketime leaves a
    /// Swift program without its command-line arguments (seen with libfaketime 0.9.10); started
    /// from a process that has it preloaded, it does not.
    static func startAhead(_ h: DaemonHarness, _ days: Int, crashAt point: String? = nil) throws {
        var environment = ahead(days)
        if let point { environment["SORD_CRASH_AT"] = point }
        try h.startDaemon(environment: environment, wrapper: ["/bin/sh", "-c", #"exec "$0" "$@""#])
    }

    @Test("40 days later: the request expires, the scheduled payment and the direct debit post once each, in date order, across a SIGKILL", arguments: Store.allCases)
    func catchUpAfterFortyDays(store: Store) throws {
        try #require(FileManager.default.fileExists(atPath: Self.libfaketime), "Debian's libfaketime is needed (apt-get install libfaketime)")
        let h = try AccountWorld.harness(store: store)
        try h.startDaemon()
        let today = AccountWorld.today
        // A due day whose first debit (at least 30 days after today) falls within the 40 days.
        let dueDay = (1...28).first { DirectDebitSchedule.firstDebit(from: today, dueDay: $0) <= today.adding(days: 40) }!
        let firstDebit = DirectDebitSchedule.firstDebit(from: today, dueDay: dueDay)
        let tpa: [String: Any] = ["type": "authorization", "form": "8821", "channel": "tax-pro-account",
            "taxpayer": ["name": ["first": "Rose", "last": "Cedar"], "tin": AccountWorld.rose,
                         "address": ["street": "12 Alder Street", "city": "Salem", "state": "OR", "zip": "97301"]],
            "representatives": [["name": ["first": "Dana", "last": "Oak"], "caf": "0312-34567R",
                                 "address": ["street": "9 Elm Ave", "city": "Portland", "state": "OR", "zip": "97201"],
                                 "receiveNotices": false]],
            "matters": [["description": "Civil Penalty", "form": "Civil Penalty", "periods": ["\(TDSWorld.lastYear)-12"]]]]
        let acks = try AccountWorld.submit(h, "dana", [
            ("tpa.json", tpa),
            ("pay.json", AccountWorld.payment(AccountWorld.rose, "CEDA", amount: "50.00", date: today.adding(days: 10))),
            ("plan.json", AccountWorld.longTermPlan(AccountWorld.rose, "CEDA", monthly: "1000.00", dueDay: dueDay)),
        ])
        let request = try #require(acks["tpa.json"]?["authorization"] as? [String: Any])["id"] as? String
        #expect(acks["pay.json"]?["status"] as? String == "accepted" && acks["plan.json"]?["status"] as? String == "accepted",
                "\(DaemonHarness.codes(acks["pay.json"])) \(DaemonHarness.codes(acks["plan.json"]))")
        #expect(h.stopDaemon() == 0)

        // Forty days later, killed right after the first posting of the catch-up, then started again.
        try Self.startAhead(h, 40, crashAt: "after-posting")
        #expect(h.waitForDaemonExit(timeout: 60) == .uncaughtSignal,
                "the daemon was not killed after its first posting: \(h.daemonLogText.components(separatedBy: "USAGE").first?.suffix(800) ?? "")")
        try Self.startAhead(h, 40)
        // Once more, as a repeat must find everything done.
        #expect(h.stopDaemon() == 0)
        try Self.startAhead(h, 40)

        // Each posting notified exactly once.
        let dana = try AccountWorld.opened(h, "dana", kind: "notification").compactMap { $0["event"] as? String }
        let deadline = Date().addingTimeInterval(60)
        var events = dana
        while Date() < deadline, events.filter({ ["tpa-request.expired", "payment.posted", "payment-plan.debited"].contains($0) }).count < 3 {
            usleep(200_000)
            events = try AccountWorld.opened(h, "dana", kind: "notification").compactMap { $0["event"] as? String }
        }
        for event in ["tpa-request.expired", "payment.posted", "payment-plan.debited"] {
            #expect(events.filter { $0 == event }.count == 1, "\(event): \(events.filter { $0 == event }.count) notifications")
        }
        let rose = try AccountWorld.opened(h, "rose.cedar", kind: "notification").compactMap { $0["event"] as? String }
        #expect(rose.filter { $0 == "payment.posted" }.count == 1 && rose.filter { $0 == "payment-plan.debited" }.count == 1)
        // In date order: the audit log lists the payment (day +10) before the expiry (+30) and the debit.
        let audit = try h.auditEntries().map(\.action)
        let order = ["payment.posted", "tpa.request-expired", "payment-plan.debited"].map { action in audit.firstIndex(of: action) ?? -1 }
        #expect(order.allSatisfy { $0 >= 0 } && order[0] < order[1] && (firstDebit < today.adding(days: 30) || order[1] < order[2]), "\(audit)")

        // A later decision on the expired request is TPA-009.
        let decision = try AccountWorld.submit(h, "rose.cedar", [("decide.json", ["type": "authorization-decision",
                                                                                  "request": request ?? "", "decision": "approve"])])
        #expect(DaemonHarness.codes(decision["decide.json"]) == ["TPA-009"])

        // The account summary and the transcript show exactly those postings: 50.00 and 1,000.00 paid
        // against 2,300.00 owed plus the 22.00 fee.
        let summary = try AccountWorld.submit(h, "dana", [("summary.json", ["type": "account-summary", "tin": AccountWorld.rose,
            "nameControl": "CEDA", "form": "1040", "periods": [TDSWorld.lastYear, TDSWorld.twoYearsAgo]])])
        let report = try JSONSerialization.jsonObject(with: AccountWorld.report(h, "dana", summary["summary.json"])) as? [String: Any]
        let periods = report?["periods"] as? [[String: Any]] ?? []
        let balances = periods.compactMap { ($0["balance"] as? String).flatMap(Money.init) }
        #expect(balances.reduce(Money.zero, +) == Money("1272.00"), "balances \(balances)")
        let payments = periods.flatMap { ($0["payments"] as? [[String: Any]]) ?? [] }.compactMap { $0["amount"] as? String }
        #expect(payments.contains("-50.00"))
        let debits = periods.flatMap { ($0["payments"] as? [[String: Any]]) ?? [] }.filter { $0["date"] as? String == firstDebit.description }
        #expect(debits.compactMap { ($0["amount"] as? String).flatMap(Money.init) }.reduce(Money.zero, +) == Money("-1000.00"))
        #expect(try h.sord(["audit", "verify"]).status == 0)
        #expect(h.stopDaemon() == 0)
    }
}
