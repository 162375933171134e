import Testing
@testable import SordCore

@Suite("Payment plans: PLAN-001…008, limits at their edges, fees, postings, direct debits")
struct PaymentPlanRulesTests {
    typealias F = AccountFixtures

    static let bank = BankAccountEntry(routingNumber: "021000021", accountNumber: "123456789", accountType: "checking")
    static let account = BankAccount(bank)!
    /// Dana holds a POA for 2019 through 2025; Lee an 8821 for the same years.
    static let authorizations = [
        F.authorization("A-1", .poa2848, periods: (2019...2025).map(String.init)),
        F.authorization("A-2", .tia8821, caf: "0312-76543", periods: (2019...2025).map(String.init)),
    ]

    static func owing(_ amount: String, period: String = "2024") -> [TaxModuleRecord] {
        [F.module(period, balance: amount), F.module("2023")]
    }

    static func create(_ plan: PaymentPlanKind = .longTerm, tin: String = "400-01-2345", nameControl: String = "TEAK",
                       monthly: String? = "300.00", dueDay: Int? = 15, directDebit: BankAccountEntry? = bank,
                       payBy: String? = nil) -> PaymentPlan {
        let terms = plan == .longTerm
            ? PaymentPlan.Terms(monthlyPayment: monthly, dueDay: dueDay, directDebit: directDebit)
            : PaymentPlan.Terms(payBy: payBy)
        return PaymentPlan(action: .create(.init(tin: tin, nameControl: nameControl, kind: plan, terms: terms)))
    }

    static func facts(_ requester: AccountRequester = F.practitioner, modules: [TaxModuleRecord] = F.modules,
                      plan: PaymentPlanRecord? = nil, entity: EntityRecord? = F.ralph) -> PaymentPlanRules.Facts {
        .init(requester: requester, authorizations: authorizations, entity: entity, modules: modules, plan: plan)
    }

    static func codes(_ document: PaymentPlan, _ facts: PaymentPlanRules.Facts) -> [String] {
        switch PaymentPlanRules.verdict(document, facts: facts, today: F.today) {
        case .establish(let decision): ["establish \(decision.owed) fee \(decision.fee) \(decision.periods.map(\.description).joined(separator: ","))"]
        case .revise(let decision): ["revise \(decision.owed) fee \(decision.fee)"]
        case .rejected(let problems): problems.map(\.code)
        }
    }

    static let creationCases: [(String, PaymentPlan, PaymentPlanRules.Facts, [String])] = [
        ("long-term with direct debit", create(), facts(), ["establish 1550.00 fee 22.00 2022,2024"]),
        ("long-term without direct debit", create(directDebit: nil), facts(), ["establish 1550.00 fee 69.00 2022,2024"]),
        ("short-term", create(.shortTerm, payBy: "2027-01-31"), facts(), ["establish 1550.00 fee 0.00 2022,2024"]),
        // Direct debit above 25,000.00 (PLAN-003).
        ("25,000.00 without direct debit", create(monthly: "400.00", directDebit: nil), facts(modules: owing("25000.00")),
         ["establish 25000.00 fee 69.00 2024"]),
        ("25,000.01 without direct debit", create(monthly: "400.00", directDebit: nil), facts(modules: owing("25000.01")), ["PLAN-003"]),
        ("25,000.01 with direct debit", create(monthly: "400.00"), facts(modules: owing("25000.01")), ["establish 25000.01 fee 22.00 2024"]),
        // Long-term limit (PLAN-002).
        ("50,000.00 long-term", create(monthly: "700.00"), facts(modules: owing("50000.00")), ["establish 50000.00 fee 22.00 2024"]),
        ("50,000.01 long-term", create(monthly: "700.00"), facts(modules: owing("50000.01")), ["PLAN-002"]),
        // Short-term limit (PLAN-002).
        ("99,999.99 short-term", create(.shortTerm, payBy: "2027-01-31"), facts(modules: owing("99999.99")), ["establish 99999.99 fee 0.00 2024"]),
        ("100,000.00 short-term", create(.shortTerm, payBy: "2027-01-31"), facts(modules: owing("100000.00")), ["PLAN-002"]),
        // In time (PLAN-004): payBy within 180 days, monthly at least owed ÷ 72 rounded up.
        ("payBy in 180 days", create(.shortTerm, payBy: "2027-05-19"), facts(), ["establish 1550.00 fee 0.00 2022,2024"]),
        ("payBy in 181 days", create(.shortTerm, payBy: "2027-05-20"), facts(), ["PLAN-004"]),
        ("payBy today", create(.shortTerm, payBy: "2026-11-20"), facts(), ["establish 1550.00 fee 0.00 2022,2024"]),
        ("payBy yesterday", create(.shortTerm, payBy: "2026-11-19"), facts(), ["PLAN-004"]),
        ("payBy no such day", create(.shortTerm, payBy: "2027-02-29"), facts(), ["ID-004"]),
        ("7,200.01 ÷ 72 is 100.01: 100.00 is short", create(monthly: "100.00"), facts(modules: owing("7200.01")), ["PLAN-004"]),
        ("7,200.01 ÷ 72 is 100.01: 100.01 is enough", create(monthly: "100.01"), facts(modules: owing("7200.01")),
         ["establish 7200.01 fee 22.00 2024"]),
        ("7,200.00 ÷ 72 is exactly 100.00", create(monthly: "100.00"), facts(modules: owing("7200.00")), ["establish 7200.00 fee 22.00 2024"]),
        // Due day (PLAN-005).
        ("due day 28", create(dueDay: 28), facts(), ["establish 1550.00 fee 22.00 2022,2024"]),
        ("due day 29", create(dueDay: 29), facts(), ["PLAN-005"]),
        ("due day 0", create(dueDay: 0), facts(), ["PLAN-005"]),
        // Required returns (PLAN-001): the six tax years before this one.
        ("2020 not filed", create(), facts(modules: F.modules + [F.module("2020", returnFiled: false)]), ["PLAN-001"]),
        ("2019 not filed is too old to count", create(), facts(modules: F.modules + [F.module("2019", returnFiled: false)]),
         ["establish 1550.00 fee 22.00 2022,2024"]),
        ("2026 not filed yet is fine", create(), facts(modules: F.modules + [F.module("2026", returnFiled: false)]),
         ["establish 1550.00 fee 22.00 2022,2024"]),
        // Nothing owed, an active plan already.
        ("nothing owed", create(), facts(modules: [F.module("2024"), F.module("2023", balance: "-5.00")]), ["PLAN-006"]),
        ("an active plan", create(), facts(plan: PaymentPlanRulesTests.plan()), ["PLAN-008"]),
        ("a completed plan does not count", create(), facts(plan: PaymentPlanRulesTests.plan(status: .completed)),
         ["establish 1550.00 fee 22.00 2022,2024"]),
        // Authorization first (PAY-001), individuals only (PAY-002).
        ("an 8821 sees, does not plan", create(), facts(.practitioner(user: "lee", caf: F.lee)), ["PAY-001"]),
        ("no authorization, no records either", create(), facts(.practitioner(user: "lee", caf: F.lee), modules: [], entity: nil), ["PAY-001"]),
        ("a covered period outside the 2848", create(), facts(modules: F.modules + [F.module("2018", balance: "10.00")]), ["PAY-001"]),
        ("the taxpayer's own plan", create(), facts(F.taxpayer), ["establish 1550.00 fee 22.00 2022,2024"]),
        ("another taxpayer's", create(tin: "400-01-2346"), facts(F.taxpayer), ["PAY-001"]),
        ("a business", create(tin: "12-3456789"), facts(), ["PAY-002"]),
        // The fields themselves.
        ("monthly without cents", create(monthly: "300"), facts(), ["PAY-003"]),
        ("bad direct-debit account", create(directDebit: BankAccountEntry(routingNumber: "021000021", accountNumber: "1", accountType: "checking")),
         facts(), ["PAY-006"]),
        ("name control mismatch", create(nameControl: "OAK"), facts(), ["ACC-003"]),
    ]

    @Test("creations", arguments: creationCases)
    func creations(_ name: String, document: PaymentPlan, facts: PaymentPlanRules.Facts, expected: [String]) {
        #expect(Self.codes(document, facts) == expected, "\(name)")
    }

    @Test("minimum monthly payment: owed ÷ 72 rounded up to the cent", arguments: [
        ("7200.00", "100.00"), ("7200.01", "100.01"), ("7199.99", "100.00"), ("7128.01", "99.01"), ("1.00", "0.02"),
        ("0.01", "0.01"), ("0.00", "0.00"), ("50000.00", "694.45"),
    ])
    func minimum(owed: String, minimum: String) {
        #expect(PaymentPlanRules.minimumMonthlyPayment(owed: F.money(owed)) == F.money(minimum))
    }

    // MARK: Revisions

    static func plan(_ terms: PaymentPlanTerms = .longTerm(monthlyPayment: Money(cents: 30_000), dueDay: 15, directDebit: nil),
                     status: PaymentPlanRecord.Status = .active, requester: String = "dana.oak") -> PaymentPlanRecord {
        PaymentPlanRecord(id: "PL-1", requester: requester, tin: F.ralphTIN, terms: terms,
                          periods: [try! TaxPeriod(parsing: "2022"), try! TaxPeriod(parsing: "2024")], status: status,
                          establishedOn: F.day("2026-06-01"), fee: PlanFees.longTerm, scheduleStart: F.day("2026-06-01"))
    }

    static func revise(kind: PaymentPlanKind? = nil, _ terms: PaymentPlan.Terms) -> PaymentPlan {
        PaymentPlan(action: .revise(.init(plan: "PL-1", kind: kind, terms: terms)))
    }

    static let withDebit = PaymentPlanTerms.longTerm(monthlyPayment: Money(cents: 30_000), dueDay: 15, directDebit: account)

    static let revisionCases: [(String, PaymentPlan, PaymentPlanRules.Facts, [String])] = [
        ("new monthly payment: 10.00", revise(.init(monthlyPayment: "400.00")), facts(plan: plan()), ["revise 1550.00 fee 10.00"]),
        ("becomes direct debit: free", revise(.init(directDebit: bank)), facts(plan: plan()), ["revise 1550.00 fee 0.00"]),
        ("is direct debit: free", revise(.init(dueDay: 3)), facts(plan: plan(withDebit)), ["revise 1550.00 fee 0.00"]),
        ("to short-term", revise(kind: .shortTerm, .init(payBy: "2027-02-01")), facts(plan: plan()), ["revise 1550.00 fee 10.00"]),
        ("to short-term without payBy", revise(kind: .shortTerm, .init(dueDay: 3)), facts(plan: plan()), ["SUB-005", "SUB-005"]),
        ("payBy on a long-term plan", revise(.init(payBy: "2027-02-01")), facts(plan: plan()), ["SUB-005"]),
        ("short-term back to long-term needs its fields", revise(kind: .longTerm, .init(monthlyPayment: "300.00")),
         facts(plan: plan(.shortTerm(payBy: F.day("2027-01-01")))), ["SUB-005"]),
        ("due day 29", revise(.init(dueDay: 29)), facts(plan: plan()), ["PLAN-005"]),
        ("monthly too low", revise(.init(monthlyPayment: "21.52")), facts(plan: plan()), ["PLAN-004"]),
        ("monthly just enough", revise(.init(monthlyPayment: "21.53")), facts(plan: plan()), ["revise 1550.00 fee 10.00"]),
        ("unknown plan", revise(.init(dueDay: 3)), facts(plan: nil), ["PLAN-007"]),
        ("completed plan", revise(.init(dueDay: 3)), facts(plan: plan(status: .completed)), ["PLAN-007"]),
        ("someone else's plan", revise(.init(dueDay: 3)), facts(plan: plan(requester: "lee")), ["PLAN-007"]),
        ("the taxpayer revises a plan on their account", revise(.init(dueDay: 3)), facts(F.taxpayer, plan: plan(requester: "dana.oak")),
         ["revise 1550.00 fee 10.00"]),
        ("the 2848 no longer covers a period", revise(.init(dueDay: 3)),
         facts(modules: F.modules + [F.module("2018", balance: "10.00")], plan: plan()), ["PAY-001"]),
        ("paid off meanwhile", revise(.init(dueDay: 3)), facts(modules: [F.module("2024")], plan: plan()), ["PLAN-006"]),
    ]

    @Test("revisions", arguments: revisionCases)
    func revisions(_ name: String, document: PaymentPlan, facts: PaymentPlanRules.Facts, expected: [String]) {
        #expect(Self.codes(document, facts) == expected, "\(name)")
    }

    @Test func aRevisionKeepsThePlanAndRestartsTheScheduleOnlyWhenTheDebitChanges() throws {
        let day = F.day("2026-11-20")
        guard case .revise(let monthly) = PaymentPlanRules.verdict(Self.revise(.init(monthlyPayment: "400.00")),
                                                                 facts: Self.facts(plan: Self.plan(Self.withDebit)), today: day),
              case .revise(let dueDay) = PaymentPlanRules.verdict(Self.revise(.init(dueDay: 2)),
                                                                facts: Self.facts(plan: Self.plan(Self.withDebit)), today: day) else {
            Issue.record("not revised")
            return
        }
        let kept = monthly.revising(Self.plan(Self.withDebit), on: day)
        #expect(kept.scheduleStart == F.day("2026-06-01") && kept.id == "PL-1" && kept.fee == PlanFees.longTerm)
        #expect(kept.terms == .longTerm(monthlyPayment: F.money("400.00"), dueDay: 15, directDebit: Self.account))
        #expect(dueDay.revising(Self.plan(Self.withDebit), on: day).scheduleStart == day)
    }

    // MARK: Fees and postings

    @Test func fees() {
        #expect(PlanFees.setup(.longTerm(monthlyPayment: .zero, dueDay: 1, directDebit: Self.account)) == F.money("22.00"))
        #expect(PlanFees.setup(.longTerm(monthlyPayment: .zero, dueDay: 1, directDebit: nil)) == F.money("69.00"))
        #expect(PlanFees.setup(.shortTerm(payBy: F.today)) == F.money("0.00"))
        #expect(PlanFees.revision(from: .shortTerm(payBy: F.today), to: .shortTerm(payBy: F.today)) == F.money("10.00"))
        #expect(PlanFees.revision(from: Self.withDebit, to: .shortTerm(payBy: F.today)) == .zero)
    }

    @Test func establishingPostsTC971EverywhereAndTheFeeOnTheLatest() throws {
        guard case .establish(let decision) = PaymentPlanRules.verdict(Self.create(), facts: Self.facts(), today: F.today) else {
            Issue.record("not established")
            return
        }
        let posted = decision.postings(on: F.today, modules: F.modules)
        #expect(posted.map(\.period) == ["2022", "2024"])
        #expect(posted.map { $0.transactions.last!.code } == ["971", "360"])
        #expect(posted[0].transactions.last!.actionCode == "063")
        #expect(posted[1].transactions.suffix(2).map(\.code) == ["971", "360"])
        #expect(posted[1].balance == F.money("1222.00") && posted[0].balance == F.money("300.00"))
        #expect(TranscriptBuilder.transactions(posted[0]).last?.explanation == "Installment agreement established")
        let record = decision.record(id: "PL-9", requester: "dana.oak", on: F.today)
        #expect(record.covers(form: "1040", period: try TaxPeriod(parsing: "2022")))
        #expect(!record.covers(form: "1040", period: try TaxPeriod(parsing: "2023")))
        #expect(record.fee == F.money("22.00") && record.status == .active)
    }

    @Test func aShortTermPlanPostsItsOwnActionAndNoFee() {
        guard case .establish(let decision) = PaymentPlanRules.verdict(Self.create(.shortTerm, payBy: "2027-01-31"), facts: Self.facts(),
                                                                     today: F.today) else {
            Issue.record("not established")
            return
        }
        let posted = decision.postings(on: F.today, modules: F.modules)
        #expect(posted.allSatisfy { $0.transactions.last?.code == "971" && $0.transactions.last?.actionCode == "069" })
        #expect(posted.allSatisfy { !$0.transactions.contains { $0.code == "360" } })
    }

    // MARK: Direct debits

    @Test("first debit: the due day at least 30 days after the start", arguments: [
        ("2026-11-20", 15, "2027-01-15"), ("2026-11-20", 20, "2026-12-20"), ("2026-11-20", 19, "2027-01-19"),
        ("2026-11-20", 28, "2026-12-28"), ("2026-12-05", 1, "2027-02-01"), ("2027-01-30", 1, "2027-03-01"),
        ("2027-01-29", 28, "2027-02-28"),
    ])
    func firstDebit(start: String, dueDay: Int, first: String) {
        #expect(DirectDebitSchedule.firstDebit(from: F.day(start), dueDay: dueDay) == F.day(first))
    }

    @Test func dueDebitsUpToTodayAfterTheLastOne() {
        let start = F.day("2026-11-20")
        #expect(DirectDebitSchedule.dueDays(from: start, dueDay: 15, after: nil, through: F.day("2027-01-14")) == [])
        #expect(DirectDebitSchedule.dueDays(from: start, dueDay: 15, after: nil, through: F.day("2027-04-15"))
                == ["2027-01-15", "2027-02-15", "2027-03-15", "2027-04-15"].map(F.day))
        #expect(DirectDebitSchedule.dueDays(from: start, dueDay: 15, after: F.day("2027-02-15"), through: F.day("2027-04-14"))
                == [F.day("2027-03-15")])
        #expect(DirectDebitSchedule.dueDays(from: start, dueDay: 15, after: nil, through: F.day("2028-01-15")).count == 13)
        var plan = Self.plan(Self.withDebit)
        #expect(plan.dueDebits(through: F.day("2026-09-30")) == [F.day("2026-07-15"), F.day("2026-08-15"), F.day("2026-09-15")])
        plan.lastDebitOn = F.day("2026-09-15")
        #expect(plan.dueDebits(through: F.day("2026-09-30")) == [])
        #expect(Self.plan().dueDebits(through: F.day("2027-01-01")) == [])
        #expect(Self.plan(Self.withDebit, status: .completed).dueDebits(through: F.day("2027-01-01")) == [])
    }

    @Test func aDebitPaysTheEarliestPeriodFirstAndCompletesThePlan() {
        let covered = [F.module("2024", balance: "1200.00", interest: "40.25", penalty: "9.75"), F.module("2022", balance: "300.00")]
        let first = DirectDebit.debit(monthlyPayment: F.money("500.00"), on: F.day("2027-01-15"), modules: covered)
        #expect(first.amount == F.money("500.00") && !first.completesPlan)
        #expect(first.modules.map(\.payoff) == [F.money("1050.00"), .zero])
        #expect(first.modules[1].transactions.last == AccountTransaction(code: "670", date: "2027-01-15", cycle: "20270301",
                                                                         amount: F.money("-300.00")))
        #expect(first.modules[0].transactions.last?.amount == F.money("-200.00"))
        let last = DirectDebit.debit(monthlyPayment: F.money("2000.00"), on: F.day("2027-02-15"), modules: first.modules)
        #expect(last.amount == F.money("1050.00") && last.completesPlan)
        #expect(PlanCoverage.owed(last.modules) == .zero)
        let nothing = DirectDebit.debit(monthlyPayment: F.money("2000.00"), on: F.day("2027-03-15"), modules: last.modules)
        #expect(nothing.amount == .zero && nothing.completesPlan && nothing.modules == last.modules)
    }
}
