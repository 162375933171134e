import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files shaped the way practitioners' tools write them (issue 12), through the real daemon: each
/// kind of input with the reported example and more of the same kind.
@Suite("Field inputs end to end", .serialized)
struct FieldInputTests {
    static let header = "tin,name_control,product,form,period,customer_file_number"

    /// The TDS world plus Ralph Teak (442-93-2384) and José Núñez, each with an 8821 naming Dana's
    /// CAF for the last two years, and Luis Ortega Ruiz, whose CAF record spells him Ortega-Ruiz.
    static func harness(settle: Int = 1) throws -> DaemonHarness {
        let h = try TDSWorld.harness(extraConfig: "")
        try ReloadTests.setConfig(h, "inbox", "settle_seconds", "\(settle)")
        let address = #"{"street":"12 Alder Street","city":"Salem","state":"OR","zip":"97301"}"#
        let years = [TDSWorld.lastYear, TDSWorld.twoYearsAgo]
        var lines: [String] = []
        for (tin, name, id) in [("442-93-2384", #"{"first":"Ralph","last":"Teak"}"#, "F-1"),
                                ("442-93-5555", #"{"first":"José","last":"Núñez"}"#, "F-2")] {
            lines.append(#"{"record":"entity","tin":"\#(tin)","name":\#(name),"address":\#(address)}"#)
            for year in years {
                lines.append(#"{"record":"module","tin":"\#(tin)","form":"1040","period":"\#(year)","balance":"0.00"}"#)
            }
            lines.append(#"{"record":"cafAuthorization","id":"\#(id)","form":"8821","tin":"\#(tin)","caf":"0312-34567R","matters":[{"description":"Income","form":"1040","periods":["\#(years[0])","\#(years[1])"]}],"status":"active","recordedOn":"2020-01-10"}"#)
        }
        lines.append(#"{"record":"entity","tin":"400-77-1234","name":{"first":"Luis","last":"Ortega Ruiz"},"address":\#(address)}"#)
        lines.append(#"{"record":"representative","caf":"0777-12345","name":{"first":"Luis","last":"Ortega-Ruiz"},"tin":"400-77-1234","address":\#(address)}"#)
        try h.importRecords(lines)
        return h
    }

    static func items(_ ack: [String: Any]?) -> [[String: Any]] {
        (ack?["items"] as? [[String: Any]]) ?? []
    }

    // MARK: 1. In-place copies

    @Test("A file written in place and held open across several rescans is claimed only when its writer closes it")
    func inPlaceCopyWithPauses() throws {
        let h = try Self.harness()
        try h.startDaemon()
        for (name, pauses) in [("slow.csv", 1), ("slower.csv", 3)] {
            let path = h.inbox("dana") + "/" + name
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            #expect(fd >= 0)
            var rows = [Self.header, "442-93-2384,TEAK,account,1040,\(TDSWorld.lastYear),71"]
            write(fd, rows.joined(separator: "\n") + "\n")
            // Rescans every second and a one-second settle time: each pause spans several of them.
            for pause in 0..<pauses {
                sleep(4)
                let row = "442-93-2384,TEAK,account,1040,\(TDSWorld.twoYearsAgo),\(72 + pause)"
                rows.append(row)
                write(fd, row + "\n")
            }
            #expect(try h.acks("dana").allSatisfy { $0["file"] as? String != name }, "\(name) was claimed while open")
            close(fd)
            // Generous under a loaded machine (the whole suite runs at once); a timeout prints the daemon's log.
            let ack = try #require(try h.waitForAck("dana", file: name, timeout: 90))
            #expect(Self.items(ack).count == rows.count - 1, "\(name): every row written is an item")
            #expect(ack["status"] as? String == "accepted")
        }
        // A file found without events (dropped while the daemon was down, just before its start) is
        // claimed once settled: after settle_seconds, not at the next rescan (5 minutes away here).
        #expect(h.stopDaemon() == 0)
        try ReloadTests.setConfig(h, "inbox", "rescan_seconds", "300")
        try (Self.header + "\n442-93-2384,TEAK,account,1040,\(TDSWorld.lastYear),9\n").write(
            toFile: h.inbox("dana") + "/found.csv", atomically: false, encoding: .utf8)
        try h.startDaemon()
        #expect(Self.items(try h.waitForAck("dana", file: "found.csv", timeout: 20)).count == 1)
        #expect(h.stopDaemon() == 0)
    }

    private func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        #expect(Glibc.write(fd, bytes, bytes.count) == bytes.count)
    }

    // MARK: 2. Temporary names of common tools

    @Test("Tools' temporary names are ignored until renamed; lock and thumbnail files are never submissions")
    func temporaryNames() throws {
        let h = try Self.harness()
        try h.startDaemon()
        let csv = Self.header + "\n442-93-2384,TEAK,account,1040,\(TDSWorld.lastYear),1\n"
        let temporary = ["upload.csv.filepart", "download.csv.crdownload", "save.json.part", "edit.json.tmp",
                         "export.csv.download", "12AB34CD"]
        let never = ["~$book.csv", "#notes.json#", "draft.json~", "Thumbs.db", "desktop.ini"]
        for (index, name) in (temporary + never).enumerated() {
            // Distinct bytes each, so no file is a duplicate of another.
            try Data(csv.replacingOccurrences(of: ",1\n", with: ",\(index + 1)\n").utf8).write(to: URL(fileURLWithPath: h.inbox("dana") + "/" + name))
        }
        sleep(4)  // several rescans and settle times
        #expect(try h.acks("dana").isEmpty, "a temporary or lock file was claimed")
        // WinSCP renames when the upload is complete; so does every tool above.
        #expect(rename(h.inbox("dana") + "/upload.csv.filepart", h.inbox("dana") + "/upload.csv") == 0)
        #expect(rename(h.inbox("dana") + "/download.csv.crdownload", h.inbox("dana") + "/download.csv") == 0)
        #expect(try h.waitForAck("dana", file: "upload.csv")?["status"] as? String == "accepted")
        #expect(try h.waitForAck("dana", file: "download.csv")?["status"] as? String == "accepted")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: h.inbox("dana")))
        #expect(left == Set(temporary.filter { !$0.hasPrefix("upload") && !$0.hasPrefix("download") } + never))
        #expect(h.stopDaemon() == 0)
    }

    // MARK: 3. Letter case of the extension

    @Test("Upper- and mixed-case extensions are .csv and .json, dropped or uploaded")
    func extensionCase() throws {
        let h = try Self.harness()
        let ports = try h.enableListeners()
        try h.startDaemon()
        let csv = Self.header + "\n442-93-2384,TEAK,account,1040,\(TDSWorld.lastYear),2\n"
        try h.drop("dana", "BULK.CSV", csv)
        try h.drop("dana", "Bulk2.Csv", csv.replacingOccurrences(of: ",2\n", with: ",3\n"))
        try h.drop("dana", "REQ.JSON", json: TDSWorld.request([TDSWorld.line("442-93-2384", periods: [TDSWorld.lastYear])]))
        let body = h.root.appendingPathComponent("put.csv").path
        try csv.replacingOccurrences(of: ",2\n", with: ",4\n").write(toFile: body, atomically: true, encoding: .utf8)
        #expect(try h.https("PUT", "/v1/inbox/PUT.CSV", port: ports.api, user: "dana", upload: body).status == 202)
        for name in ["BULK.CSV", "Bulk2.Csv", "REQ.JSON", "PUT.CSV"] {
            let ack = try #require(try h.waitForAck("dana", file: name), "no ack for \(name)")
            #expect(DaemonHarness.codes(ack).isEmpty, "\(name): \(DaemonHarness.codes(ack))")
            #expect(ack["documentType"] as? String == "transcript-request")
            #expect(ack["status"] as? String == "accepted")
        }
        #expect(h.stopDaemon() == 0)
    }

    // MARK: 4. Spreadsheet CSV

    @Test("Spreadsheet CSV: cleared rows, short rows, header case and blanks, a BOM, a trailing empty column, one bad row")
    func spreadsheetCSV() throws {
        let h = try Self.harness()
        try h.startDaemon()
        let y = TDSWorld.lastYear, y2 = TDSWorld.twoYearsAgo
        let files: [(String, String, String, Int)] = [  // name, text, status, items
            ("cleared.csv", "\(Self.header)\r\n442-93-2384,TEAK,account,1040,\(y),16\r\n,,,,,\r\n,,,,,\r\n", "accepted", 1),
            ("short.csv", "\(Self.header)\n442-93-2384,TEAK,account,1040,\(y)\n", "accepted", 1),
            ("upper.csv", "TIN,Name_Control,Product,Form,Period,Customer_File_Number\n442-93-2384,TEAK,account,1040,\(y),5\n", "accepted", 1),
            ("blanks.csv", "tin, name_control, product, form, period, customer_file_number\n442-93-2384 , TEAK ,account,1040,\(y),6\n", "accepted", 1),
            ("bom.csv", "\u{FEFF}\(Self.header),\n442-93-2384,TEAK,account,1040,\(y),7,\n\n\n", "accepted", 1),
            ("typo.csv", "\(Self.header)\n442-93-2384,TEAK,account,1040,\(y),8\n442-93-2384,TEAK,acount,1040,\(y2),9\n442-93-2384,TEAK,account,1040,\(y2),10\n", "partial", 3),
        ]
        for (name, text, _, _) in files { try h.drop("dana", name, text) }
        for (name, _, status, count) in files {
            let ack = try #require(try h.waitForAck("dana", file: name), "no ack for \(name)")
            #expect(ack["status"] as? String == status, "\(name): \(ack["status"] ?? "-") \(DaemonHarness.codes(ack))")
            #expect(Self.items(ack).count == count, "\(name)")
        }
        let typo = try #require(try h.waitForAck("dana", file: "typo.csv"))
        let bad = Self.items(typo).filter { $0["status"] as? String == "rejected" }
        #expect(bad.count == 1)
        let error = try #require((bad.first?["errors"] as? [[String: Any]])?.first)
        #expect(error["code"] as? String == "SUB-005")
        #expect(error["path"] as? String == "$[row 3].product")
        #expect(Self.items(typo).filter { ($0["files"] as? [String])?.count == 1 }.count == 2, "the good rows are delivered")
        // A file that cannot be read as a table is still rejected whole.
        try h.drop("dana", "unknown-column.csv", "tin,name_control,prodcut,form,period\n442-93-2384,TEAK,account,1040,\(y)\n")
        let whole = try #require(try h.waitForAck("dana", file: "unknown-column.csv"))
        #expect(whole["status"] as? String == "rejected")
        #expect(!DaemonHarness.codes(whole).isEmpty && DaemonHarness.codes(whole).allSatisfy { $0 == "SUB-005" })
        #expect(h.stopDaemon() == 0)
    }

    // MARK: 5. Names in acks

    @Test("The ack names the file exactly as it was in the inbox, up to 255 bytes")
    func longNames() throws {
        let h = try Self.harness()
        try h.startDaemon()
        let json = TDSWorld.request([TDSWorld.line("442-93-2384", periods: [TDSWorld.lastYear])])
        let names = [String(repeating: "a", count: 195) + ".json",             // 200 bytes
                     String(repeating: "b", count: 250) + ".json",             // 255 bytes
                     String(repeating: "é", count: 100) + "-ñ.json",           // 209 bytes of UTF-8
                     "Client list (final) [v2] – Oct.json"]
        for (index, name) in names.enumerated() {
            var request = json
            request["clientRef"] = "long-\(index)"
            try h.drop("dana", name, json: request)
        }
        for name in names {
            let ack = try #require(try h.waitForAck("dana", file: name), "no ack names \(name.utf8.count)-byte \(name.prefix(20))…")
            #expect(ack["status"] as? String == "accepted")
        }
        #expect(h.stopDaemon() == 0)
    }

    // MARK: 6. Empty files

    @Test("An empty file is answered as empty, never as a duplicate")
    func emptyFiles() throws {
        let h = try Self.harness()
        try h.startDaemon()
        for name in ["empty-1.json", "empty-2.json", "empty-1.csv", "empty-2.csv"] {
            try h.drop("dana", name, Data())
            // Generous under a loaded machine (the whole suite runs at once); a timeout prints the daemon's log.
            let ack = try #require(try h.waitForAck("dana", file: name, timeout: 90))
            let expected = name.hasSuffix(".json") ? "SUB-003" : "SUB-005"
            #expect(DaemonHarness.codes(ack) == [expected], "\(name): \(DaemonHarness.codes(ack))")
            let message = ((ack["errors"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
            #expect(message.contains("empty"), "\(name): \(message)")
        }
        #expect(h.stopDaemon() == 0)
    }

    // MARK: 7. Name controls with accents

    @Test("A submitted name control is folded like names: NUÑE is NUNE")
    func accentedNameControl() throws {
        let h = try Self.harness()
        try h.startDaemon()
        for (index, control) in ["NUÑE", "núñe", "NUNE", "Nuñe"].enumerated() {
            var request = TDSWorld.request([TDSWorld.line("442-93-5555", control, periods: [TDSWorld.lastYear])])
            request["clientRef"] = "nc-\(index)"
            try h.drop("dana", "nunez-\(index).json", json: request)
            let ack = try #require(try h.waitForAck("dana", file: "nunez-\(index).json"))
            #expect(ack["status"] as? String == "accepted", "\(control): \(DaemonHarness.itemCodes(ack))")
        }
        try h.drop("dana", "wrong.json", json: TDSWorld.request([TDSWorld.line("442-93-5555", "NUÑO", periods: [TDSWorld.lastYear])]))
        #expect(DaemonHarness.itemCodes(try #require(try h.waitForAck("dana", file: "wrong.json"))) == [["TDS-102"]])
        #expect(h.stopDaemon() == 0)
    }

    // MARK: 8. Which part of a name differs

    @Test("A name mismatch says which part differs and how")
    func nameDifference() throws {
        let h = try Self.harness()
        try h.addUser("luis", first: "Luis", last: "Ortega Ruiz", tin: "400-77-1234", keyType: "ec")
        try h.startDaemon()
        try h.drop("luis", "link.json", #"{"type":"caf-link","caf":"0777-12345"}"#)
        let ack = try #require(try h.waitForAck("luis", file: "link.json"))
        let error = try #require((ack["errors"] as? [[String: Any]])?.first)
        #expect(error["code"] as? String == "CAF-003")
        let message = error["message"] as? String ?? ""
        #expect(message.contains("last name"), "\(message)")
        #expect(message.contains("blank") && message.contains("hyphen"), "\(message)")
        #expect(h.stopDaemon() == 0)
    }

    // MARK: 9. Online accounts are users

    @Test("TPA-008 follows the taxpayer users: a registered taxpayer has an online account, an unregistered one does not")
    func onlineAccountIsAUser() throws {
        let h = try Self.harness()
        try h.addUser("ralph.teak", kind: "taxpayer", first: "Ralph", last: "Teak", tin: "442-93-2384", keyType: "ec")
        try h.startDaemon()
        func request(_ tin: String, _ first: String, _ last: String) -> [String: Any] {
            ["type": "authorization", "form": "8821", "channel": "tax-pro-account",
             "taxpayer": ["name": ["first": first, "last": last], "tin": tin,
                          "address": ["street": "12 Alder Street", "city": "Salem", "state": "OR", "zip": "97301"]],
             "representatives": [["name": ["first": "Dana", "last": "Oak"], "caf": "0312-34567R",
                                  "address": ["street": "9 Elm Ave", "city": "Portland", "state": "OR", "zip": "97201"],
                                  "receiveNotices": false]],
             "matters": [["description": "Income", "form": "1040", "periods": [TDSWorld.lastYear]]]]
        }
        try h.drop("dana", "teak.json", json: request("442-93-2384", "Ralph", "Teak"))
        try h.drop("dana", "nunez.json", json: request("442-93-5555", "José", "Núñez"))
        let teak = try #require(try h.waitForAck("dana", file: "teak.json"))
        #expect(teak["status"] as? String == "pending", "\(DaemonHarness.codes(teak))")
        let nunez = try #require(try h.waitForAck("dana", file: "nunez.json"))
        #expect(DaemonHarness.codes(nunez) == ["TPA-008"])
        #expect(h.stopDaemon() == 0)
    }
}
