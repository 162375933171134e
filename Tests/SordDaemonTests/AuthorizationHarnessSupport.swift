import Foundation
import Testing
import SordCore
import SordStore
#if canImport(Glibc)
import Glibc
#endif

/// What the authorization end-to-end tests need beyond `DaemonHarness`: reference data through
/// `sord import`, many files dropped at once with their acks read once each, and the CAF as the
/// database holds it.
extension DaemonHarness {
    /// Imports JSON Lines reference records with `sord import`.
    func importRecords(_ lines: [String]) throws {
        let path = root.appendingPathComponent("reference-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try sord(["import", path])
        #expect(result.status == 0, "import failed: \(result.err)")
    }

    /// Drops a JSON object as a file.
    func drop(_ user: String, _ name: String, json: [String: Any]) throws {
        try drop(user, name, try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]))
    }

    /// Waits until `user`'s mailbox holds at least `count` files of `kind`, then opens each once.
    func waitForFiles(_ user: String, kind: String, count: Int, timeout: TimeInterval = 60) throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(timeout)
        var names = mailboxFiles(user).filter { $0.contains(".\(kind).") }
        while names.count < count && Date() < deadline {
            usleep(100_000)
            names = mailboxFiles(user).filter { $0.contains(".\(kind).") }
        }
        #expect(names.count >= count, "\(user) has \(names.count) \(kind) files, expected \(count)")
        return try names.map { name in
            let data = try openWithOpenSSL(user: user, path: mailboxNew(user) + "/" + name)
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
    }

    /// The acks of `user` by submitted file name, once `count` are there.
    func acksByFile(_ user: String, count: Int) throws -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for ack in try waitForFiles(user, kind: "ack", count: count) {
            if let file = ack["file"] as? String { result[file] = ack }
        }
        return result
    }

    /// Reads the database the daemon writes (WAL mode: a reader does not disturb it).
    func read<T>(_ body: (ReferenceData) throws -> T) throws -> T {
        let database = try SordDatabase.open(path: self.database, url: databaseURL)
        return try database.read { db in try body(ReferenceData(db)) }
    }
}

/// The authorization documents and reference records the end-to-end tests use, dates relative to
/// the day the test runs (UTC).
enum AuthorizationE2E {
    static var today: Day { try! Day(parsing: Timestamp.day(Date())) }
    static var year: Int { today.year }

    static let alder = ["street": "12 Alder St", "city": "Salem", "state": "OR", "zip": "97301"]
    static let elm = ["street": "9 Elm Ave", "city": "Portland", "state": "OR", "zip": "97201"]
    static let birch = ["street": "3 Birch Rd", "city": "Eugene", "state": "OR", "zip": "97401"]

    /// Reference data: taxpayers Ralph Teak and Rita Fir (online accounts: both become taxpayer users) and
    /// the business Willow Co.; practitioners Dana Oak (CAF 0312-34567R) and Ash Elm
    /// (2012-34567), each with a Master File entity; Bo Fir (3212-34567, suspended); Cy Pine and
    /// Di Yew (notice recipients for Rita); the e-File application 123456.
    static let reference: [String] = [
        #"{"record":"entity","tin":"400-01-2345","name":{"first":"Ralph","last":"Teak"},"address":{"street":"12 Alder Street","city":"Salem","state":"OR","zip":"97301"}}"#,
        #"{"record":"entity","tin":"400-01-3456","name":{"first":"Rita","last":"Fir"},"address":{"street":"12 Alder St","city":"Salem","state":"OR","zip":"97301"}}"#,
        #"{"record":"entity","tin":"400-01-4567","name":{"first":"Noel","last":"Cedar"},"address":{"street":"12 Alder St","city":"Salem","state":"OR","zip":"97301"}}"#,
        #"{"record":"entity","tin":"12-3456789","name":{"business":"The Willow Co."},"address":{"street":"12 Alder St","city":"Salem","state":"OR","zip":"97301"}}"#,
        #"{"record":"entity","tin":"400-55-1234","name":{"first":"Dana","last":"Oak"},"address":{"street":"9 Elm Ave","city":"Portland","state":"OR","zip":"97201"}}"#,
        #"{"record":"entity","tin":"400-55-2222","name":{"first":"Ash","last":"Elm"},"address":{"street":"3 Birch Rd","city":"Eugene","state":"OR","zip":"97401"}}"#,
        #"{"record":"representative","caf":"0312-34567R","name":{"first":"Dana","last":"Oak"},"tin":"400-55-1234","ptin":"P01234567","address":{"street":"9 Elm Avenue","city":"Portland","state":"OR","zip":"97201"},"practiceCode":""}"#,
        #"{"record":"representative","caf":"2012-34567","name":{"first":"Ash","last":"Elm"},"tin":"400-55-2222","address":{"street":"3 Birch Rd","city":"Eugene","state":"OR","zip":"97401"},"practiceCode":""}"#,
        #"{"record":"representative","caf":"3212-34567","name":{"first":"Bo","last":"Fir"},"address":{"street":"3 Birch Rd","city":"Eugene","state":"OR","zip":"97401"},"practiceCode":"S"}"#,
        #"{"record":"representative","caf":"5012-34567","name":{"first":"Cy","last":"Pine"},"address":{"street":"3 Birch Rd","city":"Eugene","state":"OR","zip":"97401"},"practiceCode":""}"#,
        #"{"record":"representative","caf":"8012-34567","name":{"first":"Di","last":"Yew"},"address":{"street":"3 Birch Rd","city":"Eugene","state":"PR","zip":"97401"},"practiceCode":""}"#,
        #"{"record":"cafAuthorization","id":"A-RITA-1","form":"8821","tin":"400-01-3456","caf":"5012-34567","matters":[{"description":"Income","form":"1040","periods":["2022"]}],"receiveNotices":true,"status":"active","recordedOn":"2025-01-10"}"#,
        #"{"record":"cafAuthorization","id":"A-RITA-2","form":"8821","tin":"400-01-3456","caf":"8012-34567","matters":[{"description":"Income","form":"1040","periods":["2022"]}],"receiveNotices":true,"status":"active","recordedOn":"2025-01-10"}"#,
        #"{"record":"efileUser","efin":"123456","firm":"Oak & Ash CPAs","user":"dana","role":"principal","name":{"first":"Dana","last":"Oak"},"tds":true}"#,
        #"{"record":"efileUser","efin":"123456","firm":"Oak & Ash CPAs","user":"ash","role":"delegate","name":{"first":"Ash","last":"Elm"},"tds":false}"#,
    ]

    /// A harness with the reference data and the users: practitioners `dana` (linked CAF,
    /// PTIN P01234567) and `ash` (linked CAF), `newrep` (PTIN P07654321, no CAF yet), taxpayers
    /// `ralph` and `rita`. EC keys, for speed.
    static func harness(store: Store = .sqlite) throws -> DaemonHarness {
        let h = try DaemonHarness(store: store)
        #expect(try h.sord(["init"]).status == 0)
        try h.importRecords(reference)
        try h.addUser("dana", first: "Dana", last: "Oak", tin: "400-55-1234", keyType: "ec",
                      extra: ["--ptin", "P01234567", "--caf", "0312-34567R"])
        try h.addUser("ash", first: "Ash", last: "Elm", tin: "400-55-2222", keyType: "ec", extra: ["--caf", "2012-34567"])
        try h.addUser("newrep", first: "Nia", last: "Reed", tin: "400-55-3333", keyType: "ec", extra: ["--ptin", "P07654321"])
        try h.addUser("ralph", kind: "taxpayer", first: "Ralph", last: "Teak", tin: "400-01-2345", keyType: "ec")
        try h.addUser("rita", kind: "taxpayer", first: "Rita", last: "Fir", tin: "400-01-3456", keyType: "ec")
        return h
    }

    /// Dana Oak as a representative entry.
    static func dana(notices: Bool = false, designation: String? = "c", signedOn: Day? = today.adding(days: -1),
                     ptin: String = "P01234567") -> [String: Any] {
        var rep: [String: Any] = ["name": ["first": "Dana", "last": "Oak"], "caf": "0312-34567R", "ptin": ptin,
                                  "address": elm, "receiveNotices": notices]
        if let designation {
            rep["designation"] = designation
            rep["jurisdiction"] = "OR"
        }
        if let signedOn { rep["signedOn"] = signedOn.description }
        return rep
    }

    /// A representative entry at Birch Rd (designation b), by default Ash Elm.
    static func ash(notices: Bool = false, first: String = "Ash", last: String = "Elm", caf: String = "2012-34567",
                    address: [String: String] = birch, signed: Bool = true) -> [String: Any] {
        var rep: [String: Any] = ["name": ["first": first, "last": last], "caf": caf, "address": address,
                                  "receiveNotices": notices, "designation": "b", "jurisdiction": "OR"]
        if signed { rep["signedOn"] = today.adding(days: -1).description }
        return rep
    }

    /// A valid uploaded 2848 for Ralph Teak, signed by him 10 days ago; `change` edits it.
    static func upload(_ representatives: [[String: Any]], periods: [String] = ["2023", "2024"],
                       change: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
        var form: [String: Any] = [
            "type": "authorization", "form": "2848", "channel": "upload",
            "taxpayer": ["name": ["first": "Ralph", "last": "Teak"], "tin": "400-01-2345", "address": alder],
            "representatives": representatives,
            "matters": [["description": "Income", "form": "1040", "periods": periods]],
            "taxpayerSignature": ["signedOn": today.adding(days: -10).description, "name": "Ralph Teak"],
        ]
        change(&form)
        return form
    }

    /// A valid Tax Pro Account 2848 request from Dana for Ralph Teak; `change` edits it.
    static func request(change: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
        var form: [String: Any] = [
            "type": "authorization", "form": "2848", "channel": "tax-pro-account",
            "taxpayer": ["name": ["first": "Ralph", "last": "Teak"], "tin": "400-01-2345", "address": alder],
            "representatives": [dana(signedOn: nil)],
            "matters": [["description": "Income", "form": "1040", "periods": ["2023", "2024"]]],
        ]
        change(&form)
        return form
    }
}
