/// Tax modules for synthetic taxpayers: a return (TC 150) most years, with withholding (806),
/// credits (766, 768), refunds (846), payments (610, 670), penalties (166, 276), additional tax
/// (290), holds (570/571), miscellaneous actions (971), and the year's wage & income documents.
/// Balances follow from the transactions.
enum SyntheticModules {
    /// Employers, banks and clients who issue income documents: a fixed pool per seed.
    struct Payers {
        let all: [IncomeDocument.Payer]

        init(seed: UInt64, identifiers: SyntheticIdentifiers) {
            var payers: [IncomeDocument.Payer] = []
            for i in 0..<400 {
                var rng = SplitMix64(seed: seed, stream: 7, index: UInt64(i))
                payers.append(IncomeDocument.Payer(name: SyntheticNames.business(&rng), tin: identifiers.payerEIN(i),
                                                   address: SyntheticAddresses.address(&rng, abroad: 0)))
            }
            all = payers
        }
    }

    /// The 1040 modules of an individual for the `years` (oldest first).
    static func individual(tin: String, years: ClosedRange<Int>, payers: Payers,
                           _ rng: inout SplitMix64) -> [TaxModuleRecord] {
        let status = rng.pick(["Single", "Single", "Married Filing Jointly", "Married Filing Jointly",
                               "Head of Household", "Married Filing Separately"])
        let employer = rng.pick(payers.all)
        let bank = rng.pick(payers.all)
        let baseWages = rng.int(18_000...160_000)
        let hasWages = rng.chance(0.8)
        let hasInterest = rng.chance(0.4)
        let selfEmployed = rng.chance(0.15)
        var modules: [TaxModuleRecord] = []
        for year in years {
            var documents: [IncomeDocument] = []
            var income: Int64 = 0
            var withheld: Int64 = 0
            if hasWages {
                let wages = Money(cents: Int64(baseWages + rng.int(-2_000...4_000)) * 100 + Int64(rng.int(0...99)))
                let federal = Money(cents: wages.cents * Int64(rng.int(8...16)) / 100)
                income += wages.cents
                withheld += federal.cents
                documents.append(IncomeDocument(form: "W-2", payer: employer, amounts: [
                    "wages": wages, "federalWithholding": federal,
                    "socialSecurityWages": wages, "medicareWages": wages,
                ]))
            }
            if hasInterest {
                let interest = rng.money(5...2_400)
                income += interest.cents
                documents.append(IncomeDocument(form: "1099-INT", payer: bank,
                                                accountNumber: pad(rng.int(10_000_000...99_999_999), 8),
                                                amounts: ["interest": interest]))
            }
            if selfEmployed {
                let fees = rng.money(3_000...90_000)
                income += fees.cents
                documents.append(IncomeDocument(form: "1099-NEC", payer: rng.pick(payers.all),
                                                amounts: ["nonemployeeCompensation": fees]))
            }
            if rng.chance(0.1) {
                let dividends = rng.money(20...6_000)
                income += dividends.cents
                documents.append(IncomeDocument(form: "1099-DIV", payer: bank,
                                                amounts: ["ordinaryDividends": dividends, "qualifiedDividends": dividends]))
            }
            let filed = rng.chance(0.88)
            guard filed || !documents.isEmpty else { continue }
            var module = TaxModuleRecord(tin: tin, form: "1040", period: String(year), incomeDocuments: documents)
            if filed {
                fileReturn(&module, year: year, status: status, income: income, withheld: withheld,
                           selfEmployed: selfEmployed, &rng)
            }
            modules.append(module)
        }
        return modules
    }

    /// The 1120 modules of a business for the `years`, periods ending in `fiscalMonth`.
    static func business(tin: String, years: ClosedRange<Int>, fiscalMonth: Int, _ rng: inout SplitMix64) -> [TaxModuleRecord] {
        let receipts = rng.int(80_000...9_000_000)
        var modules: [TaxModuleRecord] = []
        for year in years where rng.chance(0.92) {
            var module = TaxModuleRecord(tin: tin, form: "1120", period: "\(year)-\(pad(fiscalMonth, 2))")
            let taxable = Money(cents: Int64(receipts / 100 * rng.int(2...18)) * 100)
            let tax = Money(cents: taxable.cents * 21 / 100)
            let processed = day(year + (fiscalMonth == 12 ? 1 : 0), fiscalMonth == 12 ? 4 : fiscalMonth % 12 + 4, &rng)
            module.returnInfo = ReturnInfo(taxableIncome: taxable, taxPerReturn: tax,
                                           receivedOn: processed.adding(days: -rng.int(10...30)).description,
                                           processedOn: processed.description)
            module.transactions.append(AccountTransaction(code: "150", date: processed.description,
                                                          cycle: processed.postingCycle, amount: tax))
            let paid = rng.chance(0.85) ? tax : Money(cents: tax.cents * Int64(rng.int(40...95)) / 100)
            module.transactions.append(AccountTransaction(code: "670", date: processed.adding(days: -rng.int(20...60)).description,
                                                          amount: -paid))
            settle(&module, processed: processed, &rng)
            modules.append(module)
        }
        return modules
    }

    /// Adds the return information and its transactions to an individual's module.
    private static func fileReturn(_ module: inout TaxModuleRecord, year: Int, status: String, income: Int64,
                                   withheld: Int64, selfEmployed: Bool, _ rng: inout SplitMix64) {
        let deduction: Int64 = status == "Married Filing Jointly" ? 27_700_00 : (status == "Head of Household" ? 20_800_00 : 13_850_00)
        let taxable = max(0, income - deduction)
        let seIncome = selfEmployed ? module.incomeDocuments.filter { $0.form == "1099-NEC" }
            .compactMap { $0.amounts["nonemployeeCompensation"]?.cents }.reduce(0, +) : 0
        let seTax = seIncome * 153 / 1000
        let tax = taxable * Int64(rng.int(10...18)) / 100 + seTax
        let processed = day(year + 1, rng.int(2...6), &rng)
        module.returnInfo = ReturnInfo(
            filingStatus: status, exemptions: status == "Married Filing Jointly" ? 2 : 1,
            agi: Money(cents: income), taxableIncome: Money(cents: taxable), taxPerReturn: Money(cents: tax),
            seIncome: selfEmployed ? Money(cents: seIncome) : nil, seTax: selfEmployed ? Money(cents: seTax) : nil,
            dueOn: "\(year + 1)-04-15", receivedOn: processed.adding(days: -rng.int(7...25)).description,
            processedOn: processed.description)
        var t: [AccountTransaction] = [
            AccountTransaction(code: "150", date: processed.description, cycle: processed.postingCycle, amount: Money(cents: tax)),
        ]
        if withheld > 0 {
            t.append(AccountTransaction(code: "806", date: "\(year + 1)-04-15", amount: Money(cents: -withheld)))
        }
        if rng.chance(0.12) {
            t.append(AccountTransaction(code: "768", date: processed.description, amount: -rng.money(200...6_000)))
        }
        if rng.chance(0.2) {
            t.append(AccountTransaction(code: "766", date: processed.description, amount: -rng.money(100...2_000)))
        }
        module.transactions = t
        let owed = t.reduce(Money.zero) { $0 + $1.amount }
        if owed.cents > 0, rng.chance(0.7) {
            module.transactions.append(AccountTransaction(code: "610", date: processed.adding(days: -10).description,
                                                          amount: -owed))
        }
        settle(&module, processed: processed, &rng)
    }

    /// Later events on a module, then the refund or the remaining balance with accruals.
    private static func settle(_ module: inout TaxModuleRecord, processed: Day, _ rng: inout SplitMix64) {
        if rng.chance(0.04) {
            module.transactions.append(AccountTransaction(code: "290", date: processed.adding(days: 200).description,
                                                          cycle: processed.adding(days: 200).postingCycle, amount: rng.money(150...8_000)))
        }
        if rng.chance(0.03) {
            let hold = processed.adding(days: rng.int(1...20))
            module.transactions.append(AccountTransaction(code: "570", date: hold.description, amount: .zero))
            module.transactions.append(AccountTransaction(code: "571", date: hold.adding(days: rng.int(20...90)).description,
                                                          amount: .zero))
        }
        if rng.chance(0.03) {
            module.transactions.append(AccountTransaction(code: "971", date: processed.adding(days: rng.int(30...300)).description,
                                                          amount: .zero))
        }
        var balance = module.transactions.reduce(Money.zero) { $0 + $1.amount }
        if balance.cents < 0 {
            module.transactions.append(AccountTransaction(code: "846", date: processed.adding(days: 7).description,
                                                          cycle: processed.postingCycle, amount: -balance))
            balance = .zero
        } else if balance.cents > 0 {
            if rng.chance(0.3) {
                let late = Money(cents: balance.cents * 5 / 100)
                module.transactions.append(AccountTransaction(code: "166", date: processed.description, amount: late))
                balance = balance + late
            }
            let penalty = Money(cents: balance.cents * Int64(rng.int(1...6)) / 100)
            module.transactions.append(AccountTransaction(code: "276", date: processed.adding(days: 120).description,
                                                          amount: penalty))
            balance = balance + penalty
            module.accruedInterest = Money(cents: balance.cents * Int64(rng.int(2...9)) / 100)
            module.accruedPenalty = Money(cents: balance.cents * Int64(rng.int(0...4)) / 100)
        }
        module.balance = balance
    }

    /// A day in `month` (1–12, wrapped) of `year`, days 1–28 so it always exists.
    private static func day(_ year: Int, _ month: Int, _ rng: inout SplitMix64) -> Day {
        // Day(year:month:day:) cannot fail for months 1–12 and days 1–28.
        try! Day(year: year, month: (month - 1) % 12 + 1, day: rng.int(1...28))
    }
}
