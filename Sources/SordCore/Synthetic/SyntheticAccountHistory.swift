/// The account side of a synthetic individual's Form 1040 modules (SPEC 12): estimated tax paid
/// during the year (TC 430, refunded when overpaid), part or all of a balance due paid later
/// (TC 670), correspondence examinations (TC 420, some referred with TC 424, some closed with
/// TC 421 and additional tax TC 300), and existing payment plans (TC 971 action 063 on every
/// owing module, the user fee TC 360, monthly direct debits TC 670), posted with the same
/// functions the daemon uses (`PlanPostings`, `DirectDebit`). Balances keep following the
/// transactions; accruals are zero when nothing is owed.
///
/// Drawn from a stream of its own per taxpayer, so adding this history changes no other draw.
enum SyntheticAccountHistory {
    /// The stream the account history is drawn from.
    static let stream: UInt64 = 8

    /// `modules` (one taxpayer's, oldest first) with their account history.
    static func add(to modules: [TaxModuleRecord], _ rng: inout SplitMix64) -> [TaxModuleRecord] {
        var modules = modules.map { module -> TaxModuleRecord in
            var module = module
            payEstimatedTax(&module, &rng)
            payBalanceDue(&module, &rng)
            return module
        }
        let filed = modules.indices.filter { modules[$0].returnFiled }
        if rng.chance(0.05), filed.count > 1 {
            examine(&modules[rng.pick(Array(filed.dropLast()))], &rng)
        }
        if rng.chance(0.15) { setUpPlan(&modules, &rng) }
        return modules
    }

    /// A self-employed filer's estimated tax: the SE tax in four TC 430 payments on the usual due
    /// days, the overpayment refunded three weeks after processing.
    private static func payEstimatedTax(_ module: inout TaxModuleRecord, _ rng: inout SplitMix64) {
        guard let seTax = module.returnInfo?.seTax, seTax > .zero, let year = module.taxPeriod?.year,
              let processed = module.returnInfo?.processedOn.flatMap({ try? Day(parsing: $0) }) else { return }
        let quarter = Money(cents: seTax.cents / 4)
        for (y, month, day) in [(year, 4, 15), (year, 6, 15), (year, 9, 15), (year + 1, 1, 15)] {
            module = module.posting(TransactionCodes.estimatedTaxPayment, on: try! Day(year: y, month: month, day: day), amount: -quarter)
        }
        if module.balance < .zero {
            module = module.posting("846", on: processed.adding(days: 21), amount: -module.balance)
        }
        settleAccruals(&module, &rng)
    }

    /// A balance due paid in monthly TC 670s after processing: in full for some, in part for others.
    private static func payBalanceDue(_ module: inout TaxModuleRecord, _ rng: inout SplitMix64) {
        guard module.balance > .zero, rng.chance(0.45),
              let processed = module.returnInfo?.processedOn.flatMap({ try? Day(parsing: $0) }) else { return }
        let inFull = rng.chance(0.5)
        var day = processed.adding(days: rng.int(30...90))
        for _ in 0..<rng.int(1...4) where module.balance > Money(cents: 100) {
            let part = Money(cents: module.balance.cents * Int64(rng.int(10...40)) / 100)
            module = module.posting(TransactionCodes.payment, on: day, amount: -part)
            day = day.adding(days: rng.int(28...35))
        }
        if inFull { module = module.posting(TransactionCodes.payment, on: day, amount: -module.balance) }
        settleAccruals(&module, &rng)
    }

    /// A correspondence examination of a filed return: opened (TC 420); then referred (TC 424),
    /// closed (TC 421, often with additional tax TC 300) or still open.
    private static func examine(_ module: inout TaxModuleRecord, _ rng: inout SplitMix64) {
        guard let processed = module.returnInfo?.processedOn.flatMap({ try? Day(parsing: $0) }) else { return }
        let opened = processed.adding(days: rng.int(120...400))
        module = module.posting(TransactionCodes.examinationOpened, on: opened, amount: .zero)
        switch rng.int(0...99) {
        case 0..<30:
            module = module.posting(TransactionCodes.examinationReferred, on: opened.adding(days: rng.int(30...90)), amount: .zero)
        case 30..<75:
            let closed = opened.adding(days: rng.int(90...240))
            if rng.chance(0.7) {
                module = module.posting(TransactionCodes.examinationAssessment, on: closed, amount: rng.money(200...9_000))
            }
            module = module.posting(TransactionCodes.examinationClosed, on: closed, amount: .zero)
        default:
            break
        }
        settleAccruals(&module, &rng)
    }

    /// A long-term plan on every module still owing, when at least 500.00 is owed, set up after the
    /// last of their returns was processed, with a few monthly direct debits since.
    private static func setUpPlan(_ modules: inout [TaxModuleRecord], _ rng: inout SplitMix64) {
        let owing = modules.indices.filter { modules[$0].form == PlanCoverage.form && modules[$0].payoff > .zero }
        let processed = owing.compactMap { modules[$0].returnInfo?.processedOn.flatMap { try? Day(parsing: $0) } }
        guard PlanCoverage.owed(owing.map { modules[$0] }) >= Money(cents: 50_000), let last = processed.max() else { return }
        let established = last.adding(days: rng.int(20...120))
        let directDebit = rng.chance(0.6)
        let fee = directDebit ? PlanFees.longTermDirectDebit : PlanFees.longTerm
        var covered = PlanPostings.establish(.longTerm, fee: fee, on: established, modules: owing.map { modules[$0] })
        if directDebit {
            let monthly = PaymentPlanRules.minimumMonthlyPayment(owed: PlanCoverage.owed(covered)) + rng.money(0...150)
            let dueDays = DirectDebitSchedule.dueDays(from: established, dueDay: rng.int(1...28), after: nil,
                                                      through: established.adding(days: rng.int(40...200)))
            for day in dueDays {
                covered = DirectDebit.debit(monthlyPayment: monthly, on: day, modules: covered).modules
            }
        }
        for (position, index) in owing.enumerated() {
            modules[index] = covered[position]
            settleAccruals(&modules[index], &rng)
        }
    }

    /// Accruals for what the module owes: a share of the balance, none when nothing is owed.
    private static func settleAccruals(_ module: inout TaxModuleRecord, _ rng: inout SplitMix64) {
        let owed = max(module.balance, .zero)
        module.accruedInterest = Money(cents: owed.cents * Int64(rng.int(1...6)) / 100)
        module.accruedPenalty = Money(cents: owed.cents * Int64(rng.int(0...3)) / 100)
    }
}
