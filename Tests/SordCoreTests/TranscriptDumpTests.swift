import Foundation
import Testing
@testable import SordCore

@Test func dumpTranscripts() throws {
    typealias F = TranscriptFixtures
    let cases: [(String, TranscriptItem, TDSRecords)] = [
        ("account", F.item(customerFileNumber: "1234567890"), F.ralphRecords()),
        ("roa", F.item(product: .recordOfAccount), F.ralphRecords()),
        ("return", F.item(product: .return), F.ralphRecords()),
        ("wi", F.item(product: .wageAndIncome), F.ralphRecords()),
        ("wiu", F.item(product: .wageAndIncome, unmasked: true), F.ralphRecords()),
        ("vonf", F.item(product: .verificationOfNonFiling, period: "2023"), F.ralphRecords(F.ralph2023)),
        ("entity", F.item(tin: "12-3456789", nameControl: "WILL", product: .entity, form: "1120", period: "2023-12"), F.willowRecords()),
        ("baccount", F.item(tin: "12-3456789", nameControl: "WILL", product: .account, form: "1120", period: "2023-12"), F.willowRecords()),
    ]
    for (name, item, records) in cases {
        try F.text(item, records: records).write(toFile: "/tmp/tds-golden-\(name).txt", atomically: true, encoding: .utf8)
    }
    let json = try TranscriptJSONRenderer.render(TranscriptBuilder.build(F.item(), entity: F.ralph, records: F.ralphRecords(), stamp: F.stamp))
    try json.write(to: URL(fileURLWithPath: "/tmp/tds-golden-account.json"))
}
