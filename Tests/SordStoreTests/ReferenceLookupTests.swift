import Foundation
import SordCore
import SordStore
import Testing

@Suite struct ReferenceLookupTests {
    /// Writes a synthetic dataset as the CLI does (one file per kind) and imports it.
    static func importDataset(_ dataset: SyntheticDataset, into t: ReferenceTestDatabase) throws -> ImportSummary {
        var lines: [ReferenceRecord.Kind: [String]] = [:]
        try dataset.generateLines { kind, line in lines[kind, default: []].append(line) }
        let files = try ReferenceRecord.Kind.allCases.compactMap { kind in
            try lines[kind].map { try t.file(SyntheticDataset.fileName(for: kind), $0) }
        }
        return try ReferenceImporter(database: t.database).importFiles(files)
    }

    @Test func everyGeneratedRecordImportsAndIsFound() throws {
        let t = try ReferenceTestDatabase()
        let dataset = SyntheticDataset(taxpayers: 400, seed: 7)
        let records = dataset.records()
        let summary = try Self.importDataset(dataset, into: t)
        #expect(summary.rejectedLines == 0)
        #expect(summary.totalInserted == records.count)
        #expect(summary.totalUpdated == 0)

        try t.database.read { db in
            let data = ReferenceData(db)
            var checkedAuthorizations = 0
            for record in records {
                switch record {
                case .entity(let e):
                    #expect(try data.entity(tin: try TIN(parsing: e.tin)) == e)
                case .module(let m):
                    #expect(try data.module(tin: try TIN(parsing: m.tin), form: m.form, period: try TaxPeriod(parsing: m.period)) == m)
                case .representative(let r):
                    #expect(try data.representative(caf: try CAFNumber(parsing: r.caf)) == r)
                case .efileUser(let u):
                    #expect(try data.efileMember(efin: try EFIN(parsing: u.efin), user: u.user) == u)
                case .cafAuthorization(let a):
                    #expect(try data.authorization(id: a.id) == a)
                    let tin = try TIN(parsing: a.tin)
                    let caf = try CAFNumber(parsing: a.caf)
                    for pair in a.coverage where a.status == .active {
                        #expect(try data.isAuthorized(tin: tin, caf: caf, form: pair.form, period: try TaxPeriod(parsing: pair.period)))
                    }
                    // A period no authorization names is not covered.
                    #expect(try !data.isAuthorized(tin: tin, caf: caf, form: "1040", period: try TaxPeriod(parsing: "1999")))
                    checkedAuthorizations += 1
                }
            }
            #expect(checkedAuthorizations > 50)
        }
    }

    @Test func revocationLookupAndCAFUpdates() throws {
        let t = try ReferenceTestDatabase()
        _ = try ReferenceImporter(database: t.database).importFiles([try t.file("s.jsonl", SampleLines.all)])
        try t.database.write { db in
            let data = ReferenceData(db)
            let ralph = try TIN(parsing: "400-01-2345")
            let day = try Day(parsing: "2026-01-15")

            // A new representative with an assigned CAF number.
            var rng = SplitMix64(seed: 1)
            let address = RecordAddress(street: "3 Pine Rd", city: "Bend", state: "OR", zip: "97701")
            let newRep = try #require(try data.insertRepresentativeWithNewCAF(
                name: .person(first: "Ash", middle: nil, last: "Rowan", suffix: nil), tin: "400-66-1234",
                ptin: "P07654321", address: address, using: &rng))
            let newCAF = try CAFNumber(parsing: newRep.caf)
            #expect(CAFNumber.issuingPrefixes.contains(newCAF.prefix))
            #expect(try data.representative(caf: newCAF) == newRep)

            // Recording a second 8821 for overlapping periods finds the first one to revoke.
            let second = CAFAuthorizationRecord(id: "A-2", form: .tia8821, tin: ralph.description, caf: newRep.caf,
                matters: [Matter(description: "Income", form: "1040", periods: ["2024", "2025"])],
                receiveNotices: false, recordedOn: day.description)
            let toRevoke = try data.activeAuthorizations(tin: ralph, formType: .tia8821, covering: second.coverage)
            #expect(toRevoke.map(\.id) == ["A-1"])
            #expect(try data.activeAuthorizations(tin: ralph, formType: .poa2848, covering: second.coverage).isEmpty)
            try data.recordAuthorization(second, channel: .upload)
            #expect(try data.activeAuthorizations(naming: newCAF).map { $0.1 } == [.upload])
            #expect(try data.revokeAuthorizations(ids: toRevoke.map(\.id), on: day, by: "A-2") == 1)
            let revoked = try #require(try data.authorization(id: "A-1"))
            #expect(revoked.status == .revoked && revoked.revokedBy == "A-2" && revoked.revokedOn == "2026-01-15")
            #expect(try !data.isAuthorized(tin: ralph, caf: try CAFNumber(parsing: "0312-34567"), form: "1040",
                                           period: try TaxPeriod(parsing: "2024")))
            #expect(try data.activeAuthorizations(tin: ralph).map(\.id) == ["A-2"])

            // Withdrawal, notice counting, TDS flag.
            #expect(try data.noticeRecipientCount(tin: ralph) == 0)
            try data.recordAuthorization(CAFAuthorizationRecord(id: "A-3", form: .poa2848, tin: ralph.description,
                caf: "0312-34567R", matters: [Matter(description: "Income", form: "1040", periods: ["2023"])],
                receiveNotices: true, designation: "c", recordedOn: day.description), channel: .taxProAccount)
            #expect(try data.noticeRecipientCount(tin: ralph) == 1)
            #expect(try data.noticeRecipientCount(tin: ralph, excluding: try CAFNumber(parsing: "0312-34567")) == 0)
            #expect(try data.withdrawAuthorization(id: "A-3", on: day))
            #expect(try !data.withdrawAuthorization(id: "A-3", on: day))
            #expect(try data.noticeRecipientCount(tin: ralph) == 0)

            let efin = try EFIN(parsing: "123456")
            #expect(try data.setEFileTDS(efin: efin, user: "dana", granted: false))
            #expect(try data.efileMembers(efin: efin).map(\.tds) == [false])
            #expect(try !data.setEFileTDS(efin: efin, user: "nobody", granted: true))
        }
    }
}
