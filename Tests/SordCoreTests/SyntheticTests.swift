import Foundation
import SordCore
import Testing

@Suite struct SyntheticTests {
    static func bytes(_ dataset: SyntheticDataset) throws -> String {
        var out = ""
        try dataset.generateLines { _, line in out += line + "\n" }
        return out
    }

    @Test func sameSeedSameBytes() throws {
        let a = try Self.bytes(SyntheticDataset(taxpayers: 300, seed: 42))
        let b = try Self.bytes(SyntheticDataset(taxpayers: 300, seed: 42))
        #expect(a == b)
        #expect(a.utf8.count > 100_000)
    }

    @Test func differentSeedDifferentBytes() throws {
        let a = try Self.bytes(SyntheticDataset(taxpayers: 100, seed: 1))
        let b = try Self.bytes(SyntheticDataset(taxpayers: 100, seed: 2))
        #expect(a != b)
    }

    @Test func aTaxpayerDoesNotDependOnTheOthers() {
        let small = SyntheticDataset(taxpayers: 50, seed: 9)
        let large = SyntheticDataset(taxpayers: 4_000, seed: 9)
        // Same representatives list only when the counts match, so compare entities and modules.
        #expect(small.taxpayer(17).entity == large.taxpayer(17).entity)
        #expect(small.taxpayer(17).modules == large.taxpayer(17).modules)
    }

    @Test func everyRecordPassesValidationUnchangedAndRoundTrips() throws {
        let dataset = SyntheticDataset(taxpayers: 1_500, seed: 2026)
        let encoder = ReferenceLineEncoder()
        for record in dataset.records() {
            switch RecordValidation.validate(record) {
            case .success(let canonical):
                #expect(canonical == record)
            case .failure(let problems):
                Issue.record("\(record.kind) rejected: \(problems.problems)")
            }
            let line = try encoder.line(record)
            let decoded = try JSONDecoder().decode(ReferenceRecord.self, from: Data(line.utf8))
            #expect(decoded == record)
        }
    }

    /// Online accounts are users (SPEC 2): the dataset says which individuals demos make users of,
    /// and no record it writes carries anything about it.
    @Test func onlineAccountsAreForUsersNotRecords() throws {
        let dataset = SyntheticDataset(taxpayers: 1_000, seed: 8)
        let taxpayers = (0..<dataset.taxpayers).map(dataset.taxpayer)
        #expect(!taxpayers.contains { $0.hasOnlineAccount && $0.entity.name.isBusiness })
        let share = Double(taxpayers.filter(\.hasOnlineAccount).count) / Double(taxpayers.count(where: { !$0.entity.name.isBusiness }))
        #expect((0.45...0.65).contains(share))
        #expect(try !Self.bytes(dataset).contains("online"))
    }

    @Test func keysAreUnique() {
        let dataset = SyntheticDataset(taxpayers: 3_000, seed: 5)
        var tins = Set<String>(), cafs = Set<String>(), ptins = Set<String>(), ids = Set<String>()
        var modules = Set<String>(), members = Set<String>()
        var duplicates = 0
        dataset.generate { record in
            let fresh: Bool = switch record {
            case .entity(let e): tins.insert(e.tin).inserted
            case .representative(let r): cafs.insert(String(r.caf.prefix(10))).inserted
                && (r.ptin.map { ptins.insert($0).inserted } ?? true)
            case .cafAuthorization(let a): ids.insert(a.id).inserted
            case .module(let m): modules.insert("\(m.tin) \(m.form) \(m.period)").inserted
            case .efileUser(let u): members.insert("\(u.efin) \(u.user)").inserted
            }
            if !fresh { duplicates += 1 }
        }
        #expect(duplicates == 0)
        #expect(tins.count == 3_000 + dataset.representativeCount)
    }

    @Test func namesAndDataAreVaried() {
        let dataset = SyntheticDataset(taxpayers: 3_000, seed: 11)
        var lastNames: [String] = [], businesses: [String] = [], suffixes = 0, codes = Set<String>()
        var documentForms = Set<String>(), itins = 0, practiceCodes = Set<String>(), states = Set<String>()
        dataset.generate { record in
            switch record {
            case .entity(let e):
                switch e.name {
                case let .person(_, _, last, suffix):
                    lastNames.append(last)
                    if suffix != nil { suffixes += 1 }
                case .business(let b): businesses.append(b)
                }
                if e.tin.hasPrefix("9") { itins += 1 }
                states.insert(e.address.state)
            case .module(let m):
                codes.formUnion(m.transactions.map(\.code))
                documentForms.formUnion(m.incomeDocuments.map(\.form))
            case .representative(let r): practiceCodes.insert(r.practiceCode)
            default: break
            }
        }
        #expect(lastNames.contains { $0.contains("-") })
        #expect(lastNames.contains { $0.contains("'") })
        #expect(lastNames.contains { $0.hasPrefix("Mc") || $0.hasPrefix("Van ") || $0.hasPrefix("De La") })
        #expect(lastNames.contains { !$0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(suffixes > 0)
        #expect(businesses.contains { $0.hasPrefix("The ") })
        #expect(itins > 0)
        #expect(codes.isSuperset(of: ["150", "806", "846", "610", "276"]))
        #expect(documentForms.isSuperset(of: ["W-2", "1099-INT", "1099-NEC"]))
        #expect(practiceCodes.isSuperset(of: ["", "D", "S"]))
        #expect(states.count > 40)
    }

    @Test func balancesFollowTheTransactions() {
        let dataset = SyntheticDataset(taxpayers: 500, seed: 3)
        var checked = 0
        dataset.generate { record in
            guard case .module(let m) = record, !m.transactions.isEmpty else { return }
            #expect(m.transactions.reduce(Money.zero) { $0 + $1.amount } == m.balance)
            checked += 1
        }
        #expect(checked > 500)
    }

    @Test func everyMemberIsARepresentativeWithTheSameName() {
        let dataset = SyntheticDataset(taxpayers: 800, seed: 4)
        let representatives = dataset.representatives()
        let byUser = Dictionary(uniqueKeysWithValues: representatives.map { ($0.userID, $0) })
        let users = dataset.efileUsers()
        #expect(users.count == representatives.count)
        #expect(users.contains { $0.role == .principal })
        #expect(users.contains { $0.role == .delegate })
        for user in users {
            #expect(byUser[user.user]?.record.name == user.name)
            #expect(UserID(user.user) != nil)
        }
        let cafs = Set(representatives.map(\.record.caf))
        #expect(dataset.authorizations().allSatisfy { cafs.contains($0.caf) })
    }

    @Test func individualsHaveAnAccountHistory() throws {
        let dataset = SyntheticDataset(taxpayers: 3_000, seed: 12)
        let today = try Day(parsing: "2026-11-20")
        var codes = Set<String>(), audits = Set<AuditStatus.State>(), owing = Set<String>(), individuals = Set<String>()
        var plans = Set<String>(), fees = 0, recentPayments = 0
        dataset.generate { record in
            guard case .module(let m) = record, m.form == "1040" else { return }
            individuals.insert(m.tin)
            codes.formUnion(m.transactions.map(\.code))
            audits.insert(AuditStatus(m.transactions).status)
            if m.payoff > .zero { owing.insert(m.tin) }
            if m.balance <= .zero { #expect(m.accruedInterest == .zero && m.accruedPenalty == .zero) }
            if m.transactions.contains(where: { $0.code == "971" && $0.actionCode == "063" }) { plans.insert(m.tin) }
            fees += m.transactions.filter { $0.code == "360" }.count
            recentPayments += PaymentHistory.payments(m, asOf: today).count
        }
        #expect(codes.isSuperset(of: ["430", "610", "670", "420", "421", "424", "300", "971", "360", "846"]))
        #expect(audits == Set(AuditStatus.State.allCases))
        #expect(owing.count * 100 > individuals.count * 10, "a share of taxpayers owes")
        #expect(plans.count > 10 && fees == plans.count, "one user fee per plan")
        #expect(recentPayments > individuals.count)
    }
}
