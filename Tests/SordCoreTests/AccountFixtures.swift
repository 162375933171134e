@testable import SordCore

/// Fixed people, authorizations and modules for the account-side tests (no clock: today is fixed,
/// a Friday).
enum AccountFixtures {
    static let today = try! Day(parsing: "2026-11-20")
    static func day(_ text: String) -> Day { try! Day(parsing: text) }
    static func money(_ text: String) -> Money { Money(text)! }

    static let ralphTIN = try! TIN(parsing: "400-01-2345")
    static let ralph = EntityRecord(tin: "400-01-2345", name: .person(first: "Ralph", middle: nil, last: "Teak", suffix: nil),
                                    address: RecordAddress(street: "12 Alder St", city: "Salem", state: "OR", zip: "97301"))
    static let dana = try! CAFNumber(parsing: "0312-34567R")
    static let lee = try! CAFNumber(parsing: "0312-76543")
    static let danaRecord = RepresentativeRecord(caf: "0312-34567R", name: .person(first: "Dana", middle: nil, last: "Oak", suffix: nil),
        tin: "400-55-1234", address: RecordAddress(street: "9 Elm Ave", city: "Portland", state: "OR", zip: "97201"))

    static let practitioner = AccountRequester.practitioner(user: "dana.oak", caf: dana)
    static let taxpayer = AccountRequester.taxpayer(user: "ralph.teak", tin: ralphTIN)

    static func authorization(_ id: String, _ form: CAFAuthorizationRecord.Form, caf: String = "0312-34567",
                              periods: [String], matterForm: String = "1040",
                              status: CAFAuthorizationRecord.Status = .active, tin: String = "400-01-2345",
                              recordedOn: String = "2025-01-10") -> CAFAuthorizationRecord {
        CAFAuthorizationRecord(id: id, form: form, tin: tin, caf: caf,
                               matters: [Matter(description: "Income", form: matterForm, periods: periods)],
                               status: status, recordedOn: recordedOn)
    }

    /// Dana: a POA for 2024 and 2025, a TIA for 2023, a revoked POA for 2022; Lee: a POA for 2021.
    static let authorizations = [
        authorization("A-1", .poa2848, periods: ["2024", "2025"]),
        authorization("A-2", .tia8821, periods: ["2023"]),
        authorization("A-3", .poa2848, periods: ["2022"], status: .revoked),
        authorization("A-4", .poa2848, caf: "0312-76543", periods: ["2021"]),
    ]

    static func module(_ period: String, balance: String = "0.00", interest: String = "0.00", penalty: String = "0.00",
                       returnFiled: Bool = true, transactions: [AccountTransaction] = []) -> TaxModuleRecord {
        let filed = returnFiled ? [AccountTransaction(code: "150", date: "\(Int(period.prefix(4))! + 1)-04-20", amount: money("4200.00"))] : []
        return TaxModuleRecord(tin: "400-01-2345", form: "1040", period: period, balance: money(balance),
                               accruedInterest: money(interest), accruedPenalty: money(penalty),
                               transactions: filed + transactions)
    }

    static let modules = [
        module("2024", balance: "1200.00", interest: "40.25", penalty: "9.75"),
        module("2023"),
        module("2022", balance: "300.00"),
        module("2021"),
    ]
}
