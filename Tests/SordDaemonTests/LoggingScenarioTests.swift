import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A whole scenario through the real daemon at debug level, with TINs and names in users, reference
/// data, documents (good and bad) and even a file name; then every daemon log line is scanned for
/// every TIN (dashed and bare) and every name used.
@Suite("Logging scenario", .serialized)
struct LoggingScenarioTests {
    static let tins = ["400-55-1234", "400-55-9876", "400-01-2345", "400-77-4321", "12-3456789"]
    static let names = ["Thaddeus", "Oakhurst", "Marguerite", "Ashbury", "Cornelius", "Teakwood", "Philippa",
                        "Brambleton", "Quillfeather"]

    static let reference = """
        {"record":"entity","tin":"400-01-2345","name":{"first":"Cornelius","last":"Teakwood"},"address":{"street":"12 Alder St","city":"Salem","state":"OR","zip":"97301"}}
        {"record":"entity","tin":"400-77-4321","name":{"first":"Philippa","last":"Brambleton"},"address":{"street":"3 Birch Rd","city":"Bend","state":"OR","zip":"97701"}}
        {"record":"entity","tin":"12-3456789","name":{"business":"Quillfeather Holdings"},"address":{"street":"1 Main St","city":"Boise","state":"ID","zip":"83702"}}
        {"record":"module","tin":"400-01-2345","form":"1040","period":"2024","balance":"0.00","accruedInterest":"0.00","accruedPenalty":"0.00","transactions":[{"code":"150","date":"2025-04-28","cycle":"20251605","amount":"4200.00"}],"incomeDocuments":[]}
        {"record":"representative","caf":"0312-34567R","name":{"first":"Thaddeus","last":"Oakhurst"},"tin":"400-55-1234","ptin":"P01234567","address":{"street":"9 Elm Ave","city":"Portland","state":"OR","zip":"97201"},"practiceCode":""}
        {"record":"efileUser","efin":"123456","firm":"Oakhurst CPAs","user":"prep1","role":"principal","name":{"first":"Thaddeus","last":"Oakhurst"},"tds":true}

        """

    static let authorization = """
        {"type":"authorization","form":"2848","channel":"upload","clientRef":"c-1",
         "taxpayer":{"name":{"first":"Cornelius","last":"Teakwood"},"tin":"400-01-2345",
                     "address":{"street":"12 Alder St","city":"Salem","state":"OR","zip":"97301"}},
         "representatives":[{"name":{"first":"Thaddeus","last":"Oakhurst"},"caf":"0312-34567R","ptin":"P01234567",
                             "address":{"street":"9 Elm Ave","city":"Portland","state":"OR","zip":"97201"},
                             "receiveNotices":true,"designation":"c","jurisdiction":"OR","licenseNumber":"00112233",
                             "signedOn":"2026-11-20"}],
         "matters":[{"description":"Income","form":"1040","periods":["2023","2024"]}],
         "taxpayerSignature":{"signedOn":"2026-11-20","name":"Cornelius Teakwood","title":""}}
        """

    /// (user, file name, bytes)
    static let submissions: [(String, String, Data)] = [
        ("prep1", "poa.json", Data(authorization.utf8)),
        ("prep1", "tia.json", Data("""
            {"type":"authorization","form":"8821","channel":"upload",
             "taxpayer":{"name":{"business":"Quillfeather Holdings"},"tin":"12-3456789",
                         "address":{"street":"1 Main St","city":"Boise","state":"ID","zip":"83702"}},
             "representatives":[{"name":{"first":"Thaddeus","last":"Oakhurst"},"caf":"0312-34567R",
                                 "address":{"street":"9 Elm Ave","city":"Portland","state":"OR","zip":"97201"}}],
             "matters":[{"description":"Income","form":"1120","periods":["2023-12"]}]}
            """.utf8)),
        ("prep1", "tds.json", Data("""
            {"type":"transcript-request","requests":[
              {"tin":"400-01-2345","nameControl":"TEAK","product":"account","form":"1040","periods":["2024"]},
              {"tin":"400-77-4321","nameControl":"BRAM","product":"return","form":"1040","periods":["2024"]}]}
            """.utf8)),
        ("prep2", "bulk.csv", Data("""
            tin,name_control,product,form,period
            400-01-2345,TEAK,account,1040,2024
            12-3456789,QUIL,entity,1120,2023-12

            """.utf8)),
        ("prep1", "link.json", Data(#"{"type":"caf-link","caf":"0312-34567R"}"#.utf8)),
        ("prep2", "bad-schema.json", Data("""
            {"type":"authorization","form":"2848","channel":"upload",
             "taxpayer":{"name":{"first":"Philippa","last":"Brambleton"},"tin":"400-77-432",
                         "address":{"street":"3 Birch Rd","city":"Bend","state":"OR","zip":"97701"}},
             "representatives":[],"matters":[]}
            """.utf8)),
        ("prep2", "bad-syntax.json", Data(#"{"type":"caf-link","tin":"400-77-4321","name": Brambleton Philippa}"#.utf8)),
        ("prep2", "unknown-field.json", Data(#"{"type":"caf-link","caf":"0312-34567R","taxpayerTin":"400-77-4321","note":"Quillfeather"}"#.utf8)),
        ("tp1", "decision.json", Data(#"{"type":"authorization-decision","request":"R-400-01-2345","decision":"approve"}"#.utf8)),
        ("prep1", "400-77-4321.json", Data(#"{"type":"withdrawal","authorization":"A-400012345"}"#.utf8)),
        ("prep1", "latin1.json", Data("{\"name\":\"Teakwood 400-01-2345 ".utf8) + Data([0xff, 0xfe, 0x22, 0x7d])),
        ("prep2", "notes.txt", Data("Cornelius Teakwood 400-01-2345".utf8)),
    ]

    @Test("No daemon log line holds a TIN or a name from the scenario")
    func scanLogs() throws {
        let h = try DaemonHarness(extraConfig: #"format = "json""#)
        let referenceFile = h.root.appendingPathComponent("reference.jsonl").path
        try Self.reference.write(toFile: referenceFile, atomically: true, encoding: .utf8)
        #expect(try h.sord(["init"]).status == 0)
        let imported = try h.sord(["import", referenceFile])
        #expect(imported.status == 0, "\(imported.err)")
        try h.addUser("prep1", first: "Thaddeus", last: "Oakhurst", tin: "400-55-1234", keyType: "ec", extra: ["--ptin", "P01234567"])
        try h.addUser("prep2", first: "Marguerite", last: "Ashbury", tin: "400-55-9876", keyType: "ec")
        try h.addUser("tp1", kind: "taxpayer", first: "Cornelius", last: "Teakwood", tin: "400-01-2345", keyType: "ec")
        try h.startDaemon()
        #expect(h.daemonIsRunning)

        for (user, name, bytes) in Self.submissions { try h.drop(user, name, bytes) }
        for (user, name, _) in Self.submissions {
            #expect(try h.waitForAck(user, file: name, timeout: 60) != nil, "no ack for \(name)")
        }
        // A reload logs too, and so does shutdown.
        let daemon = try #require(h.daemon)
        kill(daemon.processIdentifier, SIGHUP)
        #expect(h.stopDaemon() == 0)

        let lines = h.daemonLogText.split(separator: "\n").map(String.init)
        #expect(lines.count >= Self.submissions.count)
        var withSubmission = 0
        for line in lines {
            // One event a line, each a JSON object.
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["msg"] != nil, "not a JSON log line: \(line)")
            if object?["submission"]?.count == 26 { withSubmission += 1 }
            for tin in Self.tins {
                #expect(!line.contains(tin), "a log line holds a full TIN: \(line)")
                #expect(!line.contains(tin.replacingOccurrences(of: "-", with: "")), "a log line holds a bare TIN: \(line)")
            }
            for name in Self.names {
                #expect(!line.localizedCaseInsensitiveContains(name), "a log line holds a name: \(line)")
            }
        }
        #expect(withSubmission >= Self.submissions.count, "submission ids missing from the log")
    }
}
