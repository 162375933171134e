import Foundation
import SordCore
import SordStore
import Testing

@Suite struct ImportTests {
    @Test func importsTheSpecExamplesAndLooksThemUp() throws {
        let t = try ReferenceTestDatabase()
        let file = try t.file("ref.jsonl", SampleLines.all)
        let summary = try ReferenceImporter(database: t.database).importFiles([file])
        #expect(summary.totalInserted == 6)
        #expect(summary.totalUpdated == 0)
        #expect(summary.rejectedLines == 0)
        #expect(summary.inserted[.entity] == 2)

        try t.database.read { db in
            let data = ReferenceData(db)
            let ralph = try TIN(parsing: "400-01-2345")
            let entity = try #require(try data.entity(tin: ralph))
            #expect(entity.name == .person(first: "Ralph", middle: nil, last: "Teak", suffix: nil))
            #expect(try data.nameControl(tin: ralph) == "TEAK")
            #expect(try data.nameControl(tin: try TIN(parsing: "12-3456789")) == "WILL")

            let module = try #require(try data.module(tin: ralph, form: "1040", period: try TaxPeriod(parsing: "2024")))
            #expect(module.returnFiled)
            #expect(module.returnInfo?.agi == Money("52000.00"))
            #expect(module.transactions.map(\.code) == ["150", "806"])
            #expect(module.incomeDocuments.first?.amounts["wages"] == Money("52000.00"))
            #expect(try data.modules(tin: ralph, period: try TaxPeriod(parsing: "2024")).count == 1)
            #expect(try data.module(tin: ralph, form: "1040", period: try TaxPeriod(parsing: "2023")) == nil)

            // The suffix does not matter for the look-up; the record keeps it.
            let rep = try #require(try data.representative(caf: try CAFNumber(parsing: "0312-34567")))
            #expect(rep.caf == "0312-34567R")
            #expect(rep.ptin == "P01234567")
            #expect(try data.representatives(tin: try TIN(parsing: "400-55-1234")).map(\.caf) == ["0312-34567R"])

            let caf = try CAFNumber(parsing: "0312-34567R")
            #expect(try data.isAuthorized(tin: ralph, caf: caf, form: "1040", period: try TaxPeriod(parsing: "2023")))
            #expect(try !data.isAuthorized(tin: ralph, caf: caf, form: "1040", period: try TaxPeriod(parsing: "2022")))
            #expect(try !data.isAuthorized(tin: ralph, caf: caf, form: "1120", period: try TaxPeriod(parsing: "2023")))

            let member = try #require(try data.efileMember(efin: try EFIN(parsing: "123456"), user: "dana"))
            #expect(member.role == .principal && member.holdsTDS)
            #expect(try data.efileMemberships(user: "dana").map(\.efin) == ["123456"])
        }
    }

    @Test func oneBadLineImportsNothingAndNamesFileAndLine() throws {
        let t = try ReferenceTestDatabase()
        var lines = SampleLines.all
        lines.insert(SampleLines.entity.replacingOccurrences(of: "400-01-2345", with: "666-01-2345"), at: 3)
        let file = try t.file("bad.jsonl", lines)
        #expect {
            try ReferenceImporter(database: t.database).importFiles([file])
        } throws: { error in
            guard case let ImportError.invalidRecords(rejections, count) = error else { return false }
            let text = String(describing: error)
            return count == 1 && rejections.first?.line == 4 && rejections.first?.problems.first?.code == "ID-001"
                && text.contains("bad.jsonl:4: ID-001 $.tin") && !text.contains("666-01-2345")
        }
        let entities = try t.database.read { try $0.count("SELECT COUNT(*) FROM entity") }
        #expect(entities == 0)
    }

    @Test func allInvalidLinesAreReportedAcrossFiles() throws {
        let t = try ReferenceTestDatabase()
        let good = try t.file("a.jsonl", [SampleLines.entity])
        let bad = try t.file("b.jsonl", [
            SampleLines.business,
            "{not json",
            #"{"record":"entity","tin":"400-01-2345"}"#,
            SampleLines.representative.replacingOccurrences(of: "\"OR\"", with: "\"XX\""),
        ])
        do {
            _ = try ReferenceImporter(database: t.database).importFiles([good, bad])
            Issue.record("the import should have failed")
        } catch let ImportError.invalidRecords(rejections, count) {
            #expect(count == 3)
            #expect(rejections.map(\.line) == [2, 3, 4])
            #expect(rejections.map(\.file) == [bad, bad, bad])
            #expect(rejections[0].problems.map(\.code) == ["SUB-003"])
            #expect(rejections[1].problems.map(\.code) == ["SUB-005"])
            #expect(rejections[1].problems.first?.path == "$.name")
            #expect(rejections[2].problems.map(\.code) == ["ID-005"])
            #expect(rejections[2].problems.first?.path == "$.address.state")
        }
    }

    @Test func continueOnErrorSkipsAndCountsBadLines() throws {
        let t = try ReferenceTestDatabase()
        let file = try t.file("mixed.jsonl", SampleLines.all + [
            #"{"record":"entity","tin":"400-00-2345","name":{"first":"A","last":"B"},"address":{"street":"1 A St","city":"X","state":"OR","zip":"9730"}}"#,
            #"{"record":"gizmo"}"#,
            #"{"record":"module","tin":"400-01-2345","form":"1040","period":"all years","balance":12.5}"#,
        ])
        let summary = try ReferenceImporter(database: t.database)
            .importFiles([file], options: .init(continueOnError: true, chunkSize: 2))
        #expect(summary.totalInserted == 6)
        #expect(summary.rejectedLines == 3)
        #expect(summary.rejectedByReason["ID-001"] == 1)
        #expect(summary.rejectedByReason["ID-005"] == 1)
        #expect(summary.rejectedByReason["SUB-005"] == 2)
        #expect(summary.rejections.map(\.line) == [7, 8, 9])
        let count = try t.database.read { try $0.count("SELECT COUNT(*) FROM entity") }
        #expect(count == 2)
    }

    @Test func reimportUpdatesInPlace() throws {
        let t = try ReferenceTestDatabase()
        let importer = ReferenceImporter(database: t.database)
        _ = try importer.importFiles([try t.file("one.jsonl", SampleLines.all)])
        let changed = [
            SampleLines.entity.replacingOccurrences(of: "12 Alder St", with: "14 Birch Ave"),
            SampleLines.authorization.replacingOccurrences(of: #"["2023","2024"]"#, with: #"["2021"]"#),
            SampleLines.efileUser.replacingOccurrences(of: #""tds":true"#, with: #""tds":false"#),
        ]
        let summary = try importer.importFiles([try t.file("two.jsonl", changed)])
        #expect(summary.totalInserted == 0)
        #expect(summary.totalUpdated == 3)
        try t.database.read { db in
            let data = ReferenceData(db)
            let ralph = try TIN(parsing: "400-01-2345")
            #expect(try data.entity(tin: ralph)?.address.street == "14 Birch Ave")
            let caf = try CAFNumber(parsing: "0312-34567")
            // The old coverage is gone, the new one is there.
            #expect(try !data.isAuthorized(tin: ralph, caf: caf, form: "1040", period: try TaxPeriod(parsing: "2024")))
            #expect(try data.isAuthorized(tin: ralph, caf: caf, form: "1040", period: try TaxPeriod(parsing: "2021")))
            #expect(try data.efileMember(efin: try EFIN(parsing: "123456"), user: "dana")?.tds == false)
            #expect(try db.count("SELECT COUNT(*) FROM caf_coverage") == 1)
        }
    }

    @Test(arguments: [
        (#"{"record":"entity","tin":"400-01-2345","nmae":{"first":"A","last":"B"},"name":{"first":"A","last":"B"},"address":{"street":"1 A St","city":"X","state":"OR","zip":"97301"}}"#, "SUB-005", "$.nmae"),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","balance":"12.345"}"#, "SUB-005", "$.balance"),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024-13"}"#, "AUTH-008", "$.period"),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","transactions":[{"code":"150","date":"2025-02-30","amount":"1.00"}]}"#, "ID-004", "$.transactions[0].date"),
        (#"{"record":"representative","caf":"0312-3456","name":{"first":"A","last":"B"},"address":{"street":"1 A St","city":"X","state":"OR","zip":"97301"}}"#, "ID-002", "$.caf"),
        (#"{"record":"representative","caf":"0312-34567","ptin":"P123","name":{"first":"A","last":"B"},"address":{"street":"1 A St","city":"X","state":"OR","zip":"97301"}}"#, "ID-003", "$.ptin"),
        (#"{"record":"efileUser","efin":"12345","firm":"F","user":"dana","role":"principal","name":{"first":"A","last":"B"}}"#, "SUB-005", "$.efin"),
        (#"{"record":"cafAuthorization","id":"X","form":"8821","tin":"400-01-2345","caf":"0312-34567","designation":"c","matters":[{"description":"Income","form":"1040","periods":["2024"]}],"recordedOn":"2025-01-01"}"#, "AUTH-015", "$.designation"),
    ])
    func rejectionsNameCodeAndPath(line: String, code: String, path: String) throws {
        let t = try ReferenceTestDatabase()
        let summary = try ReferenceImporter(database: t.database)
            .importFiles([try t.file("x.jsonl", ["", line])], options: .init(continueOnError: true))
        let rejection = try #require(summary.rejections.first)
        #expect(rejection.line == 2)
        #expect(rejection.problems.first?.code == code)
        #expect(rejection.problems.first?.path == path)
    }

    @Test func moduleColumnsHoldCanonicalJSON() throws {
        let t = try ReferenceTestDatabase()
        // Keys out of order, a lower-case payer state, blank lines and a CRLF line ending: the
        // stored JSON has sorted keys and canonical values all the same.
        let module = SampleLines.module
            .replacingOccurrences(of: #""tin":"12-3456789"}"#,
                                  with: #""tin":"12-3456789","address":{"zip":"97201","street":"1 Main St","state":"or","city":"Portland"}}"#)
            .replacingOccurrences(of: #"{"code":"806","date":"2025-04-15","amount":"-5100.00"}"#,
                                  with: #"{"amount":"-5100.0","date":"2025-04-15","code":"806"}"#)
        let file = try t.file("m.jsonl", ["", module + "\r", "  "])
        let summary = try ReferenceImporter(database: t.database).importFiles([file])
        #expect(summary.inserted[.module] == 1)
        let row = try #require(try t.database.read { db in
            try db.queryOne("SELECT return_json, transactions_json, income_documents_json FROM tax_module")
        })
        #expect(row.optionalString(0) == #"{"agi":"52000.00","filingStatus":"Single","processedOn":"2025-04-28","receivedOn":"2025-04-10","taxPerReturn":"4200.00","taxableIncome":"37400.00"}"#)
        #expect(row.optionalString(1) == #"[{"amount":"4200.00","code":"150","cycle":"20251605","date":"2025-04-28"},{"amount":"-5100.00","code":"806","date":"2025-04-15"}]"#)
        #expect(row.optionalString(2) == #"[{"amounts":{"federalWithholding":"5100.00","wages":"52000.00"},"form":"W-2","payer":{"address":{"city":"Portland","state":"OR","street":"1 Main St","zip":"97201"},"name":{"business":"Acme Corp"},"tin":"12-3456789"}}]"#)
    }

    @Test func progressReachesTheTotal() throws {
        let t = try ReferenceTestDatabase()
        let file = try t.file("p.jsonl", SampleLines.all)
        var updates: [ImportProgress] = []
        _ = try ReferenceImporter(database: t.database)
            .importFiles([file], options: .init(progressEvery: 2)) { updates.append($0) }
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
        #expect(updates.map(\.recordsDone) == [2, 4, 6, 6])
        #expect(updates.last?.bytesDone == Int64(size ?? -1))
        #expect(updates.last?.totalBytes == Int64(size ?? -1))
    }

    @Test func aMissingFileIsUnreadable() throws {
        let t = try ReferenceTestDatabase()
        #expect(throws: ImportError.self) {
            try ReferenceImporter(database: t.database).importFiles([t.folder.appendingPathComponent("nope.jsonl").path])
        }
    }
}
