import Foundation
import SordStore

/// A fresh temporary folder with a real sord database in it, removed when the test is done.
final class ReferenceTestDatabase {
    let folder: URL
    let database: SordDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sord-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try SordDatabase(path: folder.appendingPathComponent("sord.sqlite").path)
    }

    /// Writes `lines` as a JSON Lines file named `name` and returns its path.
    func file(_ name: String, _ lines: [String]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Sample lines in the shapes of SPEC section 9.
enum SampleLines {
    static let entity = #"{"record":"entity","tin":"400-01-2345","name":{"first":"Ralph","last":"Teak"},"address":{"street":"12 Alder St","city":"Salem","state":"OR","zip":"97301"}}"#
    static let business = #"{"record":"entity","tin":"12-3456789","name":{"business":"The Willow Co."},"address":{"street":"1 Main St","city":"Portland","state":"OR","zip":"97201"}}"#
    static let module = #"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","return":{"filingStatus":"Single","agi":"52000.00","taxableIncome":"37400.00","taxPerReturn":"4200.00","receivedOn":"2025-04-10","processedOn":"2025-04-28"},"balance":"0.00","accruedInterest":"0.00","accruedPenalty":"0.00","transactions":[{"code":"150","date":"2025-04-28","cycle":"20251605","amount":"4200.00"},{"code":"806","date":"2025-04-15","amount":"-5100.00"}],"incomeDocuments":[{"form":"W-2","payer":{"name":{"business":"Acme Corp"},"tin":"12-3456789"},"amounts":{"wages":"52000.00","federalWithholding":"5100.00"}}]}"#
    static let representative = #"{"record":"representative","caf":"0312-34567R","name":{"first":"Dana","last":"Oak"},"tin":"400-55-1234","ptin":"P01234567","address":{"street":"9 Elm Ave","city":"Portland","state":"OR","zip":"97201"},"practiceCode":""}"#
    static let authorization = #"{"record":"cafAuthorization","id":"A-1","form":"8821","tin":"400-01-2345","caf":"0312-34567R","matters":[{"description":"Income","form":"1040","periods":["2023","2024"]}],"receiveNotices":false,"status":"active","recordedOn":"2025-01-10"}"#
    static let efileUser = #"{"record":"efileUser","efin":"123456","firm":"Oak & Ash CPAs","user":"dana","role":"principal","name":{"first":"Dana","last":"Oak"},"tds":true}"#

    static let all = [entity, business, module, representative, authorization, efileUser]
}
