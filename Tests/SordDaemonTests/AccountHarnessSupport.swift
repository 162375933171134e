import Foundation
import SordCore
import Testing

/// The world of the account end-to-end tests (SPEC 12): the TDS world plus individual taxpayers
/// with balances, examinations and the authorizations Dana's CAF number (0312-34567R) holds on
/// them, a taxpayer user with an online account, and a staff user. Dates are relative to the day
/// the test runs (UTC).
enum AccountWorld {
    static var today: Day { try! Day(parsing: Timestamp.day(Date())) }
    static var year: String { String(today.year) }
    static let rose = "400-03-1111"      // owes on two years; 2848 for Dana; exam open; taxpayer user rose.cedar
    static let tom = "400-03-2222"       // an 8821 for Dana only: she may see, not pay
    static let big = "400-03-4444"       // owes 120,000
    static let mid = "400-03-5555"       // owes 30,000
    static let noReturn = "400-03-6666"  // a module of last year without a return
    static let zero = "400-03-7777"      // owes nothing
    static let bank = ["routingNumber": "021000021", "accountNumber": "123456789", "accountType": "checking"]

    static func module(_ tin: String, _ period: String, balance: String, filed: Bool = true, extra: [String] = [],
                       interest: String = "0.00", penalty: String = "0.00") -> String {
        let filing = filed ? [#"{"code":"150","date":"\#(Int(period)! + 1)-04-20","amount":"\#(balance)"}"#] : []
        let returnInfo = filed ? #""return":{"filingStatus":"Single","agi":"60000.00","taxableIncome":"45000.00","taxPerReturn":"\#(balance)"},"# : ""
        return #"{"record":"module","tin":"\#(tin)","form":"1040","period":"\#(period)",\#(returnInfo)"balance":"\#(balance)","accruedInterest":"\#(interest)","accruedPenalty":"\#(penalty)","transactions":[\#((filing + extra).joined(separator: ","))]}"#
    }

    static func poa(_ id: String, _ tin: String, periods: [String], form: String = "2848") -> String {
        let designation = form == "2848" ? #","designation":"c""# : ""
        return #"{"record":"cafAuthorization","id":"\#(id)","form":"\#(form)","tin":"\#(tin)","caf":"0312-34567R","matters":[{"description":"Income","form":"1040","periods":[\#(periods.map { "\"\($0)\"" }.joined(separator: ","))]}]\#(designation),"status":"active","recordedOn":"2020-01-10"}"#
    }

    static var reference: [String] {
        let address = #"{"street":"12 Alder Street","city":"Salem","state":"OR","zip":"97301"}"#
        let last = TDSWorld.lastYear, before = TDSWorld.twoYearsAgo
        let periods = [year, last, before]
        var lines: [String] = []
        for (tin, first, surname) in [(rose, "Rose", "Cedar"), (tom, "Tom", "Birch"), (big, "Bea", "Big"), (mid, "Mia", "Mid"),
                                      (noReturn, "Nora", "Noret"), (zero, "Zed", "Zero")] {
            lines.append(#"{"record":"entity","tin":"\#(tin)","name":{"first":"\#(first)","last":"\#(surname)"},"address":\#(address)}"#)
            lines.append(poa("P-\(surname)", tin, periods: periods, form: tin == tom ? "8821" : "2848"))
        }
        lines += [
            module(rose, last, balance: "1500.00", extra: [#"{"code":"420","date":"\#(year)-02-01","amount":"0.00"}"#],
                   interest: "12.34", penalty: "5.00"),
            module(rose, before, balance: "800.00", extra: [#"{"code":"670","date":"\#(last)-06-01","amount":"-200.00"}"#]),
            module(tom, last, balance: "700.00"),
            module(big, last, balance: "120000.00"),
            module(mid, last, balance: "30000.00"),
            module(noReturn, last, balance: "900.00", filed: false),
            module(zero, last, balance: "0.00"),
        ]
        return lines
    }

    /// The TDS world's harness with this world imported and the users `rose.cedar` (taxpayer, an
    /// online account) and `sam.staff` (staff).
    static func harness(extraConfig: String = "", store: Store = .sqlite) throws -> DaemonHarness {
        let h = try TDSWorld.harness(extraConfig: extraConfig, store: store)
        try h.importRecords(reference)
        try h.addUser("rose.cedar", kind: "taxpayer", first: "Rose", last: "Cedar", tin: rose, keyType: "ec")
        try h.addUser("sam.staff", kind: "staff", first: "Sam", last: "Staff", tin: "400-88-1234", keyType: "ec")
        try ReloadTests.setConfig(h, "inbox", "settle_seconds", "0")
        return h
    }

    static func payment(_ tin: String, _ nameControl: String, period: String = TDSWorld.lastYear, reason: String = "balance-due",
                        amount: String = "100.00", date: Day? = nil, bank: [String: String] = bank) -> [String: Any] {
        var document: [String: Any] = ["type": "payment", "tin": tin, "nameControl": nameControl, "form": "1040", "period": period,
                                       "reason": reason, "amount": amount, "bankAccount": bank]
        if let date { document["date"] = date.description }
        return document
    }

    static func longTermPlan(_ tin: String, _ nameControl: String, monthly: String = "1000.00", dueDay: Int = 15,
                             directDebit: Bool = true) -> [String: Any] {
        var document: [String: Any] = ["type": "payment-plan", "action": "create", "tin": tin, "nameControl": nameControl,
                                       "plan": "long-term", "monthlyPayment": monthly, "dueDay": dueDay]
        if directDebit { document["directDebit"] = bank }
        return document
    }

    /// Drops each document under its name and returns the acks by name, once all are there.
    static func submit(_ h: DaemonHarness, _ user: String, _ documents: [(String, [String: Any])]) throws -> [String: [String: Any]] {
        for (name, document) in documents { try h.drop(user, name, json: document) }
        var acks: [String: [String: Any]] = [:]
        for (name, _) in documents { acks[name] = try #require(try h.waitForAck(user, file: name), "no ack for \(name)") }
        return acks
    }

    /// The mailbox files of `user` of `kind`, opened with stock openssl, as JSON objects.
    static func opened(_ h: DaemonHarness, _ user: String, kind: String) throws -> [[String: Any]] {
        try h.mailboxFiles(user).filter { $0.contains(".\(kind).json") }.map { name in
            try JSONSerialization.jsonObject(with: h.openWithOpenSSL(user: user, path: h.mailboxNew(user) + "/" + name)) as? [String: Any] ?? [:]
        }
    }

    /// The report a submission's ack names, opened with stock openssl.
    static func report(_ h: DaemonHarness, _ user: String, _ ack: [String: Any]?) throws -> Data {
        let name = try #require((ack?["files"] as? [String])?.first, "the ack names no report")
        return try h.openWithOpenSSL(user: user, path: h.mailboxNew(user) + "/" + name)
    }
}
