@testable import SordCore

/// Fixed records and items for the TDS rule and transcript tests (no clock: every day is fixed).
enum TranscriptFixtures {
    static let today = try! Day(parsing: "2025-06-02")
    static let stamp = TranscriptBuilder.Stamp(requestDate: try! Day(parsing: "2025-06-01"), responseDate: today,
                                               trackingNumber: "01JX5Q2M7K8C9D0E1F2G3H4J5K-0001")

    static let ralph = EntityRecord(tin: "400-01-2345", name: .person(first: "Ralph", middle: nil, last: "Teakwood", suffix: nil),
                                    address: RecordAddress(street: "12 Alder Street", city: "Salem", state: "OR", zip: "97301"))
    static let willow = EntityRecord(tin: "12-3456789", name: .business("The Willow Co."),
                                     address: RecordAddress(street: "500 Harbor Way", city: "Portland", state: "OR", zip: "97201"))

    static let acme = IncomeDocument.Payer(name: .business("Acme Corp"), tin: "20-1234567",
                                           address: RecordAddress(street: "1 Industrial Pkwy", city: "Eugene", state: "OR", zip: "97401"))
    static let bank = IncomeDocument.Payer(name: .business("First Cedar Bank"), tin: "30-7654321")

    static let ralph2024 = TaxModuleRecord(
        tin: "400-01-2345", form: "1040", period: "2024",
        returnInfo: ReturnInfo(filingStatus: "Single", exemptions: 1, agi: Money("52000.00"), taxableIncome: Money("37400.00"),
                               taxPerReturn: Money("4200.00"), seIncome: Money("0.00"), seTax: Money("0.00"),
                               dueOn: "2025-04-15", receivedOn: "2025-04-10", processedOn: "2025-04-28"),
        balance: Money("-900.00")!, accruedInterest: Money("0.00")!, accruedPenalty: Money("12.34")!,
        transactions: [
            AccountTransaction(code: "150", date: "2025-04-28", cycle: "20251605", amount: Money("4200.00")!),
            AccountTransaction(code: "806", date: "2025-04-15", amount: Money("-5100.00")!),
            AccountTransaction(code: "846", date: "2025-05-12", cycle: "20251805", amount: Money("900.00")!),
            AccountTransaction(code: "999", date: "2025-05-20", amount: Money("0.00")!),
        ],
        incomeDocuments: [
            IncomeDocument(form: "W-2", payer: acme, amounts: ["federalWithholding": Money("5100.00")!, "wages": Money("52000.00")!]),
            IncomeDocument(form: "1099-INT", payer: bank, accountNumber: "987654321", amounts: ["interest": Money("1234.56")!]),
        ])

    /// A year with income documents and no return filed.
    static let ralph2023 = TaxModuleRecord(
        tin: "400-01-2345", form: "1040", period: "2023",
        incomeDocuments: [IncomeDocument(form: "W-2", payer: acme, amounts: ["wages": Money("48000.00")!])])

    static let willow2023 = TaxModuleRecord(
        tin: "12-3456789", form: "1120", period: "2023-12",
        returnInfo: ReturnInfo(taxableIncome: Money("1250000.00"), taxPerReturn: Money("262500.00"),
                               receivedOn: "2024-03-20", processedOn: "2024-04-08"),
        balance: Money("1500.00")!, accruedInterest: Money("45.10")!, accruedPenalty: Money("75.00")!,
        transactions: [
            AccountTransaction(code: "150", date: "2024-04-08", cycle: "20241405", amount: Money("262500.00")!),
            AccountTransaction(code: "670", date: "2024-03-15", amount: Money("-261000.00")!),
            AccountTransaction(code: "276", date: "2024-04-08", cycle: "20241405", amount: Money("75.00")!),
        ])
    static let willow2022 = TaxModuleRecord(tin: "12-3456789", form: "941", period: "2022-06")

    /// One item of a one-line request.
    static func item(tin: String = "400-01-2345", nameControl: String = "TEAK", product: TranscriptProduct = .account,
                     form: String = "1040", period: String = "2024", customerFileNumber: String? = nil,
                     unmasked: Bool = false, format: OutputFormat = .text) -> TranscriptItem {
        TranscriptRequest(requests: [TranscriptRequestLine(
            tin: tin, nameControl: nameControl, product: product, form: form, periods: [period],
            customerFileNumber: customerFileNumber, unmasked: unmasked, format: format, source: .json(request: 0))]).items[0]
    }

    /// Records for Ralph's `period` as an authorized requester's look-up finds them.
    static func ralphRecords(_ module: TaxModuleRecord? = ralph2024) -> TDSRecords {
        TDSRecords(entity: ralph, module: module, periodModules: module.map { [$0] } ?? [])
    }

    static func willowRecords(module: TaxModuleRecord? = willow2023) -> TDSRecords {
        TDSRecords(entity: willow, module: module, periodModules: module.map { [$0] } ?? [],
                   taxpayerModules: [willow2022, willow2023])
    }

    /// The transcript text of an item whose checks pass.
    static func text(_ item: TranscriptItem, records: TDSRecords) -> String {
        TranscriptTextRenderer.render(TranscriptBuilder.build(item, entity: records.entity!, records: records, stamp: stamp))
    }
}
