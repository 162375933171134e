import Foundation
import Testing
import SordCore
import SordStore

/// One document per reason code of SPEC 6 for authorizations (ID, AUTH, TPA, WD, EF), dropped into a
/// running daemon's inbox, and the ack that names the code. One daemon, many files.
@Suite("Authorization reason codes end to end", .serialized)
struct AuthorizationReasonCodeTests {
    typealias E = AuthorizationE2E

    /// What dana drops, by file name, and the codes its ack must list (sorted, with repeats).
    static var danaFiles: [String: ([String: Any], [String])] {
        let year = E.year
        var files: [String: ([String: Any], [String])] = [:]
        func upload(_ name: String, _ codes: [String], reps: [[String: Any]] = [E.dana()], periods: [String] = ["2023", "2024"],
                    _ change: (inout [String: Any]) -> Void = { _ in }) {
            files[name + ".json"] = (E.upload(reps, periods: periods, change: change), codes)
        }
        func request(_ name: String, _ codes: [String], _ change: @escaping (inout [String: Any]) -> Void) {
            files[name + ".json"] = (E.request(change: change), codes)
        }
        func taxpayer(_ value: [String: Any]) -> (inout [String: Any]) -> Void { { $0["taxpayer"] = value } }

        upload("id-001", ["ID-001"]) { $0["taxpayer"] = ["name": ["first": "Ralph", "last": "Teak"], "tin": "000-01-2345", "address": E.alder] }
        upload("id-002", ["ID-002"], reps: [E.dana(), E.ash(caf: "12-345")])
        upload("id-003", ["ID-003"], reps: [E.dana(ptin: "P12")])
        upload("id-004", ["ID-004"]) { $0["taxpayerSignature"] = ["signedOn": "2026-02-30", "name": "Ralph Teak"] }
        upload("id-005", ["ID-005"]) {
            $0["taxpayer"] = ["name": ["first": "Ralph", "last": "Teak"], "tin": "400-01-2345",
                              "address": ["street": "12 Alder St", "city": "Salem", "state": "ZZ", "zip": "97301"]]
        }
        upload("auth-001", ["AUTH-001"]) { $0["taxpayer"] = ["name": ["first": "Ralph", "last": "Teak"], "tin": "400-01-9999", "address": E.alder] }
        upload("auth-002", ["AUTH-002"]) { $0["taxpayer"] = ["name": ["first": "Ralph", "last": "Took"], "tin": "400-01-2345", "address": E.alder] }
        upload("auth-003", ["AUTH-003"]) { $0["taxpayer"] = ["name": ["first": "Ralph", "last": "Teak"], "tin": "400-01-2345", "address": E.elm] }
        upload("auth-004", ["AUTH-004"], reps: [E.dana(), E.ash(caf: "6512-34567")])
        upload("auth-005", ["AUTH-005", "AUTH-005"], reps: [E.dana(), E.ash(first: "Asher", address: E.elm)])
        upload("auth-006", ["AUTH-006"], reps: [E.dana(), E.ash(first: "Bo", last: "Fir", caf: "3212-34567")])
        // Authorization before existence: the taxpayer is not on the Master File, but only AUTH-007 is said.
        upload("auth-007", ["AUTH-007"], reps: [E.ash()]) {
            $0["taxpayer"] = ["name": ["first": "Ralph", "last": "Teak"], "tin": "400-01-9999", "address": E.alder]
        }
        upload("auth-008", ["AUTH-008"], periods: ["all years"])
        upload("auth-009", ["AUTH-009"], periods: ["2024", String(year + 4)])
        upload("auth-010", ["AUTH-010"]) { $0["taxpayerSignature"] = nil }
        upload("auth-011", ["AUTH-011"], reps: [E.dana(signedOn: E.today.adding(days: -200))]) {
            $0["taxpayerSignature"] = ["signedOn": E.today.adding(days: -200).description, "name": "Ralph Teak"]
        }
        upload("auth-012", ["AUTH-012"], reps: [E.dana(signedOn: E.today.adding(days: -11))])
        upload("auth-013", ["AUTH-013"], reps: [E.dana(designation: "z")])
        upload("auth-014", ["AUTH-014"], reps: [E.dana(notices: true), E.ash(notices: true),
                                                E.ash(notices: true, first: "Cy", last: "Pine", caf: "5012-34567")])
        upload("auth-015", ["AUTH-015", "AUTH-015", "AUTH-015"]) { $0["form"] = "8821" }
        upload("many", ["AUTH-002", "AUTH-008", "AUTH-010"], periods: ["various"]) {
            $0["taxpayer"] = ["name": ["first": "Ralph", "last": "Took"], "tin": "400-01-2345", "address": E.alder]
            $0["taxpayerSignature"] = nil
        }

        request("tpa-001", ["TPA-001", "TPA-008"], taxpayer(["name": ["business": "The Willow Co."], "tin": "12-3456789", "address": E.alder]))
        request("tpa-002", ["TPA-002"], taxpayer(["name": ["first": "Ralph", "last": "Teak"], "tin": "400-01-2345",
                                                  "address": ["street": "12 Alder St", "city": "San Juan", "state": "PR", "zip": "97301"]]))
        request("tpa-003", ["TPA-003"]) { $0["matters"] = [["description": "Employment", "form": "941", "periods": ["2024"]]] }
        request("tpa-004", ["TPA-004", "TPA-004"]) {
            $0["matters"] = [["description": "Income", "form": "1040", "periods": ["1999", "2024-06"]]]
        }
        request("tpa-005", ["TPA-005", "TPA-005"]) {
            $0["specificUse"] = true
            $0["retainPrior"] = true
        }
        request("tpa-007", ["TPA-007"]) { $0["representatives"] = [E.dana(designation: "d", signedOn: nil)] }
        request("tpa-008", ["TPA-008"], taxpayer(["name": ["first": "Noel", "last": "Cedar"], "tin": "400-01-4567", "address": E.alder]))
        request("tpa-shape", ["AUTH-007", "SUB-005", "SUB-005"]) {
            $0["representatives"] = [E.dana(signedOn: nil), E.ash(signed: false)]
            $0["taxpayerSignature"] = ["signedOn": E.today.description, "name": "Ralph Teak"]
        }
        files["wd-001.json"] = (["type": "withdrawal", "authorization": "A-RITA-1"], ["WD-001"])
        files["wd-001-unknown.json"] = (["type": "withdrawal", "authorization": "NO-SUCH"], ["WD-001"])
        files["ef-001.json"] = (["type": "delegation", "efin": "654321", "delegate": "ash", "authority": "tds", "action": "grant"], ["EF-001"])
        files["ef-002.json"] = (["type": "delegation", "efin": "123456", "delegate": "newrep", "authority": "tds", "action": "grant"], ["EF-002"])
        files["ef-002-unknown.json"] = (["type": "delegation", "efin": "123456", "delegate": "nobody", "authority": "tds", "action": "grant"], ["EF-002"])
        return files
    }

    @Test("every authorization reason code, each from the document that breaks it")
    func reasonCodes() throws {
        let h = try E.harness()
        // Ash's Master File name changes after his CAF number was linked: the IRS name game (TPA-006).
        try h.importRecords([#"{"record":"entity","tin":"400-55-2222","name":{"first":"Ash","last":"Elmwood"},"address":{"street":"3 Birch Rd","city":"Eugene","state":"OR","zip":"97401"}}"#])
        try h.startDaemon()
        let files = Self.danaFiles
        for (name, file) in files { try h.drop("dana", name, json: file.0) }
        var ashRequest = E.request()
        ashRequest["representatives"] = [E.ash(signed: false)]
        try h.drop("ash", "tpa-006.json", json: ashRequest)
        try h.drop("ash", "ef-001-delegate.json", json: ["type": "delegation", "efin": "123456", "delegate": "dana", "authority": "tds", "action": "revoke"])

        let acks = try h.acksByFile("dana", count: files.count)
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            let ack = try #require(acks[name], "no ack for \(name)")
            #expect(DaemonHarness.codes(ack).sorted() == file.1, "\(name)")
            #expect(ack["status"] as? String == "rejected", "\(name)")
            #expect(ack["authorization"] == nil, "\(name)")
            let text = String(decoding: try JSONSerialization.data(withJSONObject: ack), as: UTF8.self)
            #expect(!text.contains("400-01-2345") && !text.contains("400-01-9999"), "\(name) echoes a TIN")
        }
        let ashAcks = try h.acksByFile("ash", count: 2)
        #expect(DaemonHarness.codes(ashAcks["tpa-006.json"]) == ["TPA-006"])
        #expect(DaemonHarness.codes(ashAcks["ef-001-delegate.json"]) == ["EF-001"])

        // Nothing reached the CAF, no request was opened, no number was assigned.
        let (authorizations, requests, representatives) = try h.read { reference in
            (try reference.db.count("SELECT COUNT(*) FROM caf_authorization"),
             try reference.db.count("SELECT COUNT(*) FROM tpaRequests"),
             try reference.db.count("SELECT COUNT(*) FROM representative"))
        }
        #expect(authorizations == 2 && requests == 0 && representatives == 5)
        #expect(h.mailboxFiles("ralph").isEmpty)
        #expect(h.stopDaemon() == 0)
    }
}
