import Foundation
import Testing
@testable import SordCore

@Suite("Account reports: client list, request list, account summary in JSON and text")
struct AccountReportTests {
    typealias F = AccountFixtures

    static let willow = EntityRecord(tin: "12-3456789", name: .business("The Willow Co."),
                                     address: RecordAddress(street: "500 Harbor Way", city: "Portland", state: "OR", zip: "97201"))

    static var clientList: ClientListReport {
        var willowPOA = F.authorization("A-7", .poa2848, periods: ["2023-12"], matterForm: "1120", tin: "12-3456789",
                                        recordedOn: "2026-03-02")
        willowPOA.receiveNotices = true
        return ClientListReport(caf: F.dana, listed: [
            .init(authorization: F.authorizations[0], entity: F.ralph, channel: .taxProAccount),
            .init(authorization: F.authorizations[1], entity: F.ralph, channel: nil),
            .init(authorization: F.authorizations[2], entity: F.ralph, channel: .upload),
            .init(authorization: F.authorizations[3], entity: F.ralph, channel: .upload),
            .init(authorization: willowPOA, entity: willow, channel: .upload),
        ], asOf: F.today)
    }

    static var requestList: RequestListReport {
        let matters = [Matter(description: "Income", form: "1040", periods: ["2024", "2025"])]
        return RequestListReport(sent: [
            .init(id: "R-1", tin: "400-01-2345", entity: F.ralph, form: .poa2848, matters: matters, status: .approved,
                  createdAt: "2026-09-01T10:00:00.000Z", decidedAt: "2026-09-03T08:15:00.000Z"),
            .init(id: "R-2", tin: "400-01-2345", entity: F.ralph, form: .tia8821, matters: matters, status: .pending,
                  createdAt: "2026-10-15T10:00:00.000Z", decidedAt: nil),
            .init(id: "R-3", tin: "400-02-3456", entity: nil, form: .tia8821, matters: matters, status: .pending,
                  createdAt: "2026-11-19T23:59:00.000Z", decidedAt: nil),
        ], expiryDays: 30, asOf: F.today)
    }

    static let account = BankAccount(BankAccountEntry(routingNumber: "021000021", accountNumber: "7778889991", accountType: "checking"))!

    static func summary(ownAccount: Bool) -> AccountSummaryReport {
        let module2024 = F.module("2024", balance: "1200.00", interest: "40.25", penalty: "9.75", transactions: [
            AccountTransaction(code: "610", date: "2025-04-15", amount: F.money("-3000.00")),
            AccountTransaction(code: "670", date: "2025-09-30", amount: F.money("-1250.00")),
            AccountTransaction(code: "420", date: "2026-02-02", amount: .zero),
        ])
        let module2021 = F.module("2021", transactions: [
            AccountTransaction(code: "420", date: "2023-01-10", amount: .zero),
            AccountTransaction(code: "300", date: "2023-06-01", amount: F.money("1850.00")),
            AccountTransaction(code: "421", date: "2023-06-01", amount: .zero),
            AccountTransaction(code: "670", date: "2021-11-01", amount: F.money("-10.00")),
        ])
        let period2024 = try! TaxPeriod(parsing: "2024")
        let payments = [
            PaymentRecord(id: "P-2", confirmationNumber: "512345678901234", requester: "dana.oak", tin: F.ralphTIN, form: "1040",
                          period: period2024, reason: .balanceDue, amount: F.money("200.00"), date: F.day("2026-12-04"),
                          bankAccount: account, status: .scheduled),
            PaymentRecord(id: "P-1", confirmationNumber: "412345678901234", requester: "dana.oak", tin: F.ralphTIN, form: "1040",
                          period: period2024, reason: .balanceDue, amount: F.money("1000.00"), date: F.day("2026-12-01"),
                          bankAccount: account, status: .cancelled),
            PaymentRecord(id: "P-0", confirmationNumber: "312345678901234", requester: "dana.oak", tin: F.ralphTIN, form: "1040",
                          period: period2024, reason: .balanceDue, amount: F.money("50.00"), date: F.day("2026-11-01"),
                          bankAccount: account, status: .processed),
        ]
        let plan = PaymentPlanRecord(id: "PL-1", requester: "dana.oak", tin: F.ralphTIN,
                                     terms: .longTerm(monthlyPayment: F.money("300.00"), dueDay: 15, directDebit: account),
                                     periods: [period2024], status: .active, establishedOn: F.day("2026-11-02"),
                                     fee: F.money("22.00"), scheduleStart: F.day("2026-11-02"))
        return AccountSummaryReport(entity: F.ralph, form: "1040",
                                    shown: [(period2024, module2024), (try! TaxPeriod(parsing: "2021"), module2021)],
                                    payments: payments, plans: [plan], ownAccount: ownAccount, asOf: F.today)
    }

    static func json(_ report: some AccountReport) throws -> [String: Any] {
        let payload = try report.payload(.json)
        #expect(payload.format == .json)
        return try #require(JSONSerialization.jsonObject(with: payload.bytes) as? [String: Any])
    }

    @Test func clientListIsNewestFirstWithFullNamesAndMaskedTINs() throws {
        let object = try Self.json(Self.clientList)
        #expect(object["type"] as? String == "report" && object["report"] as? String == "client-list")
        #expect(object["caf"] as? String == "0312-34567R" && object["asOf"] as? String == "2026-11-20")
        let entries = try #require(object["authorizations"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["A-7", "A-2", "A-1"])
        #expect(entries.map { $0["channel"] as? String } == ["upload", "imported", "tax-pro-account"])
        let taxpayer = try #require(entries[0]["taxpayer"] as? [String: String])
        #expect(taxpayer == ["name": "THE WILLOW CO.", "tin": "XX-XXX6789", "kind": "business"])
        #expect(entries[2]["formMeaning"] as? String == "Power of Attorney (POA)")
        #expect((entries[1]["taxpayer"] as? [String: String])?["tin"] == "XXX-XX-2345")
    }

    @Test func requestListShowsExpiryAndExpiredStatus() throws {
        let entries = try #require(try Self.json(Self.requestList)["requests"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["R-3", "R-2", "R-1"])
        #expect(entries.map { $0["status"] as? String } == ["pending", "expired", "approved"])
        #expect(entries.map { $0["expiresAt"] as? String } == ["2026-12-19", "2026-11-14", "2026-10-01"])
        #expect(entries[1]["decidedAt"] == nil)
        #expect((entries[1]["taxpayer"] as? [String: String]) == ["name": "RALP TEA", "tin": "XXX-XX-2345", "kind": "individual"])
        #expect((entries[0]["taxpayer"] as? [String: String]) == ["name": "", "tin": "XXX-XX-3456", "kind": "individual"])
    }

    @Test func accountSummaryCarriesBalancesPaymentsPlanAndAudit() throws {
        let object = try Self.json(Self.summary(ownAccount: false))
        #expect((object["taxpayer"] as? [String: String]) == ["name": "RALP TEA", "tin": "XXX-XX-2345", "kind": "individual"])
        let periods = try #require(object["periods"] as? [[String: Any]])
        let first = periods[0]
        #expect(first["period"] as? String == "2024" && first["periodEnd"] as? String == "2024-12-31")
        #expect(first["payoff"] as? String == "1250.00" && first["balance"] as? String == "1200.00")
        #expect((first["payments"] as? [[String: String]])?.map { $0["amount"] } == ["-1250.00", "-3000.00"])
        #expect((first["payments"] as? [[String: String]])?.first?["explanation"] == "Payment")
        #expect((first["scheduled"] as? [[String: Any]])?.map { $0["id"] as? String } == ["P-1", "P-2"])
        let plan = try #require(first["plan"] as? [String: Any])
        #expect(plan["type"] as? String == "long-term" && plan["monthlyPayment"] as? String == "300.00")
        #expect((plan["directDebit"] as? [String: String]) == ["routingNumber": "021000021", "accountNumber": "XXXXXX9991",
                                                                "accountType": "checking"])
        #expect((first["audit"] as? [String: String]) == ["status": "open", "openedOn": "2026-02-02", "additionalTax": "0.00"])
        let second = periods[1]
        #expect(second["plan"] == nil && (second["scheduled"] as? [Any])?.isEmpty == true)
        #expect((second["payments"] as? [Any])?.isEmpty == true)
        #expect((second["audit"] as? [String: String]) == ["status": "closed", "openedOn": "2023-01-10", "closedOn": "2023-06-01",
                                                           "additionalTax": "1850.00"])
        let own = try Self.json(Self.summary(ownAccount: true))
        #expect((own["taxpayer"] as? [String: String]) == ["name": "RALPH TEAK", "tin": "400-01-2345", "kind": "individual"])
    }

    @Test func noFileEverHoldsAFullBankAccountNumber() throws {
        let summary = Self.summary(ownAccount: true)
        for format in OutputFormat.allCases {
            let text = String(decoding: try summary.payload(format).bytes, as: UTF8.self)
            #expect(!text.contains("7778889991"))
            #expect(text.contains("XXXXXX9991"))
        }
    }

    @Test func textPayloadsAreTxt() throws {
        #expect(try Self.clientList.payload(.text).format == .txt)
        let text = String(decoding: try Self.requestList.payload(.text).bytes, as: UTF8.self)
        #expect(text == Self.requestList.text())
        for report in [Self.clientList.text(), Self.requestList.text(), Self.summary(ownAccount: false).text()] {
            #expect(report.hasSuffix("\n") && !report.split(separator: "\n").contains { $0.hasSuffix(" ") })
            #expect(report.hasPrefix("This Product Contains Sensitive Taxpayer Data\n"))
        }
    }

    @Test func accountSummaryTextReadsLikeAnIRSPage() {
        #expect(Self.summary(ownAccount: false).text() == """
        This Product Contains Sensitive Taxpayer Data

                                        Account Summary

        Response Date:                          11-20-2026

        TAXPAYER IDENTIFICATION NUMBER:         XXX-XX-2345
        TAXPAYER:                               RALP TEA
        TAXPAYER TYPE:                          INDIVIDUAL
        FORM NUMBER:                            1040

        TAX PERIOD:                             Dec. 31, 2024

        --- ANY MINUS SIGN SHOWN BELOW SIGNIFIES A CREDIT AMOUNT ---

        ACCOUNT BALANCE:                              1,200.00
        ACCRUED INTEREST:                                40.25   AS OF: 11-20-2026
        ACCRUED PENALTY:                                  9.75   AS OF: 11-20-2026
        PAYOFF AMOUNT:                                1,250.00   AS OF: 11-20-2026

        PAYMENTS (LAST 5 YEARS)
        DATE        CODE  EXPLANATION OF TRANSACTION                          AMOUNT
        09-30-2025  670   Payment                                          -1,250.00
        04-15-2025  610   Payment with return                              -3,000.00

        SCHEDULED PAYMENTS
        DATE        CONFIRMATION     REASON                STATUS             AMOUNT
        12-01-2026  412345678901234  BALANCE-DUE           CANCELLED        1,000.00
        12-04-2026  512345678901234  BALANCE-DUE           SCHEDULED          200.00

        PAYMENT PLAN:                           LONG-TERM, ACTIVE
        PLAN ID:                                PL-1
        MONTHLY PAYMENT:                                300.00
        DUE DAY OF THE MONTH:                   15
        DIRECT DEBIT:                           CHECKING XXXXXX9991 (ROUTING 021000021)
        ESTABLISHED ON:                         11-02-2026
        USER FEE:                                        22.00

        AUDIT STATUS:                           OPEN SINCE 02-02-2026

        TAX PERIOD:                             Dec. 31, 2021

        --- ANY MINUS SIGN SHOWN BELOW SIGNIFIES A CREDIT AMOUNT ---

        ACCOUNT BALANCE:                                  0.00
        ACCRUED INTEREST:                                 0.00   AS OF: 11-20-2026
        ACCRUED PENALTY:                                  0.00   AS OF: 11-20-2026
        PAYOFF AMOUNT:                                    0.00   AS OF: 11-20-2026

        PAYMENTS (LAST 5 YEARS)
        No payments posted in the last 5 years.

        PAYMENT PLAN:                           NONE

        AUDIT STATUS:                           CLOSED ON 06-01-2023
        ADDITIONAL TAX ASSESSED BY EXAMINATION:       1,850.00

        This Product Contains Sensitive Taxpayer Data

        """)
    }

    @Test func clientListTextShowsOneBlockPerAuthorization() {
        let text = Self.clientList.text()
        #expect(text.contains("""
        AUTHORIZATION ID:                       A-2
        FORM:                                   8821 Tax Information Authorization (TIA)
        TAXPAYER IDENTIFICATION NUMBER:         XXX-XX-2345
        TAXPAYER:                               RALPH TEAK
        TAXPAYER TYPE:                          INDIVIDUAL
        RECORDED ON:                            01-10-2025
        CHANNEL:                                IMPORTED
        RECEIVES NOTICE COPIES:                 NO
        MATTERS:
          Income                            1040            2023
        """))
        #expect(text.contains("ACTIVE AUTHORIZATIONS:                  3\n"))
        #expect(ClientListReport(caf: F.lee, listed: [], asOf: F.today).text().contains("No active authorization names this CAF number."))
    }
}
