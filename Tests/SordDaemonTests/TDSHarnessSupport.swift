import Foundation
import Testing
import SordCore

/// The world the TDS end-to-end tests run in: reference data through `sord import`, users with
/// linked CAF numbers and e-File memberships. Periods are relative to the year the test runs (UTC).
enum TDSWorld {
    static var year: Int { try! Day(parsing: Timestamp.day(Date())).year }
    static var lastYear: String { String(year - 1) }
    static var twoYearsAgo: String { String(year - 2) }
    static var threeYearsAgo: String { String(year - 3) }
    static var twelveYearsAgo: String { String(year - 12) }
    static var businessPeriod: String { "\(year - 1)-12" }

    static let ralphTIN = "400-01-2345"
    static let strangerTIN = "400-02-3456"
    static let missingTIN = "400-09-9999"
    static let willowTIN = "12-3456789"

    static func w2(_ wages: String) -> String {
        #"{"form":"W-2","payer":{"name":{"business":"Acme Corp"},"tin":"20-1234567","address":{"street":"1 Industrial Pkwy","city":"Eugene","state":"OR","zip":"97401"}},"amounts":{"wages":"\#(wages)","federalWithholding":"100.00"}}"#
    }

    static var reference: [String] {
        let address = #"{"street":"12 Alder Street","city":"Salem","state":"OR","zip":"97301"}"#
        let office = #"{"street":"9 Elm Ave","city":"Portland","state":"OR","zip":"97201"}"#
        var lines = [
            #"{"record":"entity","tin":"400-01-2345","name":{"first":"Ralph","last":"Teakwood"},"address":\#(address)}"#,
            #"{"record":"entity","tin":"400-02-3456","name":{"first":"Mona","last":"Spruce"},"address":\#(address)}"#,
            #"{"record":"entity","tin":"12-3456789","name":{"business":"The Willow Co."},"address":{"street":"500 Harbor Way","city":"Portland","state":"OR","zip":"97201"}}"#,
            #"{"record":"module","tin":"400-01-2345","form":"1040","period":"\#(lastYear)","return":{"filingStatus":"Single","agi":"52000.00","taxableIncome":"37400.00","taxPerReturn":"4200.00","receivedOn":"\#(year)-04-10","processedOn":"\#(year)-04-28"},"balance":"0.00","accruedInterest":"0.00","accruedPenalty":"0.00","transactions":[{"code":"150","date":"\#(year)-04-28","cycle":"\#(year)1605","amount":"4200.00"},{"code":"806","date":"\#(year)-04-15","amount":"-5100.00"}],"incomeDocuments":[\#(w2("52000.00"))]}"#,
            #"{"record":"module","tin":"400-01-2345","form":"1040","period":"\#(twoYearsAgo)","incomeDocuments":[\#(w2("48000.00"))]}"#,
            #"{"record":"module","tin":"400-01-2345","form":"1040","period":"\#(threeYearsAgo)","incomeDocuments":[\#(Array(repeating: w2("10.00"), count: 86).joined(separator: ","))]}"#,
            #"{"record":"module","tin":"400-01-2345","form":"1040","period":"\#(twelveYearsAgo)","balance":"0.00"}"#,
            #"{"record":"module","tin":"12-3456789","form":"1120","period":"\#(businessPeriod)","return":{"taxableIncome":"1250000.00","taxPerReturn":"262500.00"},"balance":"1500.00","accruedInterest":"45.10","accruedPenalty":"75.00","transactions":[{"code":"150","date":"\#(year)-04-08","amount":"262500.00"}]}"#,
            #"{"record":"cafAuthorization","id":"A-1","form":"8821","tin":"400-01-2345","caf":"0312-34567R","matters":[{"description":"Income","form":"1040","periods":["\#(lastYear)","\#(twoYearsAgo)","\#(threeYearsAgo)","\#(twelveYearsAgo)"]}],"status":"active","recordedOn":"2020-01-10"}"#,
            #"{"record":"cafAuthorization","id":"A-2","form":"2848","tin":"12-3456789","caf":"0312-34567R","matters":[{"description":"Income","form":"1120","periods":["\#(businessPeriod)"]}],"designation":"b","status":"active","recordedOn":"2020-01-10"}"#,
            #"{"record":"cafAuthorization","id":"A-3","form":"8821","tin":"400-09-9999","caf":"0312-34567R","matters":[{"description":"Income","form":"1040","periods":["\#(lastYear)"]}],"status":"active","recordedOn":"2020-01-10"}"#,
            #"{"record":"cafAuthorization","id":"A-4","form":"8821","tin":"400-01-2345","caf":"5012-34567","matters":[{"description":"Income","form":"1040","periods":["\#(lastYear)"]}],"status":"active","recordedOn":"2020-01-10"}"#,
            #"{"record":"efileUser","efin":"123456","firm":"Oak & Ash CPAs","user":"dana","role":"principal","name":{"first":"Dana","last":"Oak"}}"#,
            #"{"record":"efileUser","efin":"123456","firm":"Oak & Ash CPAs","user":"finn","role":"delegate","name":{"first":"Fin","last":"Ash"},"tds":true}"#,
            #"{"record":"efileUser","efin":"123456","firm":"Oak & Ash CPAs","user":"gail","role":"responsible-official","name":{"first":"Gail","last":"Yew"}}"#,
            #"{"record":"efileUser","efin":"123456","firm":"Oak & Ash CPAs","user":"ivy","role":"delegate","name":{"first":"Ivy","last":"Larch"},"tds":true}"#,
        ]
        for (tin, first, last, caf, code) in practitioners {
            lines.append(#"{"record":"entity","tin":"\#(tin)","name":{"first":"\#(first)","last":"\#(last)"},"address":\#(office)}"#)
            if let caf {
                lines.append(#"{"record":"representative","caf":"\#(caf)","name":{"first":"\#(first)","last":"\#(last)"},"tin":"\#(tin)","address":\#(office),"practiceCode":"\#(code)"}"#)
            }
        }
        return lines
    }

    /// Practitioners: TIN, name, CAF number (nil: none) and practice code.
    static let practitioners: [(String, String, String, String?, String)] = [
        ("400-55-1234", "Dana", "Oak", "0312-34567R", ""),
        ("400-55-3333", "Eve", "Pine", "2012-34567", ""),
        ("400-55-4444", "Finn", "Ash", "3212-34567", "S"),
        ("400-55-5555", "Gail", "Yew", nil, ""),
        ("400-55-6666", "Ivy", "Larch", "5012-34567", ""),
    ]

    /// A harness with the world imported and the practitioners `dana`, `eve`, `finn`, `gail`, `ivy`.
    static func harness(extraConfig: String = "", store: Store = .sqlite) throws -> DaemonHarness {
        let h = try DaemonHarness(extraConfig: extraConfig, store: store)
        #expect(try h.sord(["init"]).status == 0)
        try h.importRecords(reference)
        for (tin, first, last, caf, _) in practitioners {
            try h.addUser(first.lowercased(), first: first, last: last, tin: tin, keyType: "ec",
                          extra: caf.map { ["--caf", $0] } ?? [])
        }
        return h
    }

    /// One request line.
    static func line(_ tin: String = ralphTIN, _ nameControl: String = "TEAK", product: String = "account",
                     form: String = "1040", periods: [String], extra: [String: Any] = [:]) -> [String: Any] {
        ["tin": tin, "nameControl": nameControl, "product": product, "form": form, "periods": periods].merging(extra) { _, new in new }
    }

    static func request(_ lines: [[String: Any]]) -> [String: Any] {
        ["type": "transcript-request", "requests": lines]
    }
}

extension DaemonHarness {
    /// The error codes of each ack item, by index.
    static func itemCodes(_ ack: [String: Any]) -> [[String]] {
        ((ack["items"] as? [[String: Any]]) ?? []).map { item in
            ((item["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }.sorted()
        }
    }

    /// The files of each ack item, by index.
    static func itemFiles(_ ack: [String: Any]) -> [[String]] {
        ((ack["items"] as? [[String: Any]]) ?? []).map { $0["files"] as? [String] ?? [] }
    }

    /// A delivered mailbox file of `user`, opened with stock openssl + gunzip, as text.
    func openText(_ user: String, _ name: String) throws -> String {
        String(decoding: try openWithOpenSSL(user: user, path: mailboxNew(user) + "/" + name), as: UTF8.self)
    }
}
