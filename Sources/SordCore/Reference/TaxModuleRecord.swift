/// A Master File tax module: one return form and period of one taxpayer, with its balance, its
/// transactions and the year's wage & income documents. Without a TC 150 transaction no return was
/// filed for it.
public struct TaxModuleRecord: Hashable, Sendable, Codable {
    public var tin: String
    /// Return form, e.g. `1040`, `1120`, `941`.
    public var form: String
    /// `YYYY` or `YYYY-MM`.
    public var period: String
    /// Information from the return, as filed or adjusted; nil when none was filed.
    public var returnInfo: ReturnInfo?
    public var balance: Money
    public var accruedInterest: Money
    public var accruedPenalty: Money
    public var transactions: [AccountTransaction]
    public var incomeDocuments: [IncomeDocument]

    public init(tin: String, form: String, period: String, returnInfo: ReturnInfo? = nil,
                balance: Money = .zero, accruedInterest: Money = .zero, accruedPenalty: Money = .zero,
                transactions: [AccountTransaction] = [], incomeDocuments: [IncomeDocument] = []) {
        self.tin = tin
        self.form = form
        self.period = period
        self.returnInfo = returnInfo
        self.balance = balance
        self.accruedInterest = accruedInterest
        self.accruedPenalty = accruedPenalty
        self.transactions = transactions
        self.incomeDocuments = incomeDocuments
    }

    /// True when a return was filed (a TC 150 is posted).
    public var returnFiled: Bool { transactions.contains { $0.code == "150" } }

    private enum CodingKeys: String, CodingKey {
        case tin, form, period, returnInfo = "return", balance, accruedInterest, accruedPenalty
        case transactions, incomeDocuments
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["record", "tin", "form", "period", "return", "balance",
            "accruedInterest", "accruedPenalty", "transactions", "incomeDocuments"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tin = try c.decode(String.self, forKey: .tin)
        form = try c.decode(String.self, forKey: .form)
        period = try c.decode(String.self, forKey: .period)
        returnInfo = try c.decodeIfPresent(ReturnInfo.self, forKey: .returnInfo)
        balance = try c.decodeIfPresent(Money.self, forKey: .balance) ?? .zero
        accruedInterest = try c.decodeIfPresent(Money.self, forKey: .accruedInterest) ?? .zero
        accruedPenalty = try c.decodeIfPresent(Money.self, forKey: .accruedPenalty) ?? .zero
        transactions = try c.decodeIfPresent([AccountTransaction].self, forKey: .transactions) ?? []
        incomeDocuments = try c.decodeIfPresent([IncomeDocument].self, forKey: .incomeDocuments) ?? []
    }
}

/// Information from a return (the "as filed or adjusted" block of an account transcript). Every
/// field is optional because forms differ.
public struct ReturnInfo: Hashable, Sendable, Codable {
    public var filingStatus: String?
    public var exemptions: Int?
    public var agi: Money?
    public var taxableIncome: Money?
    public var taxPerReturn: Money?
    public var seIncome: Money?
    public var seTax: Money?
    public var dueOn: String?
    public var receivedOn: String?
    public var processedOn: String?

    public init(filingStatus: String? = nil, exemptions: Int? = nil, agi: Money? = nil,
                taxableIncome: Money? = nil, taxPerReturn: Money? = nil, seIncome: Money? = nil,
                seTax: Money? = nil, dueOn: String? = nil, receivedOn: String? = nil,
                processedOn: String? = nil) {
        self.filingStatus = filingStatus
        self.exemptions = exemptions
        self.agi = agi
        self.taxableIncome = taxableIncome
        self.taxPerReturn = taxPerReturn
        self.seIncome = seIncome
        self.seTax = seTax
        self.dueOn = dueOn
        self.receivedOn = receivedOn
        self.processedOn = processedOn
    }

    private enum CodingKeys: String, CodingKey {
        case filingStatus, exemptions, agi, taxableIncome, taxPerReturn, seIncome, seTax
        case dueOn, receivedOn, processedOn
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["filingStatus", "exemptions", "agi", "taxableIncome",
            "taxPerReturn", "seIncome", "seTax", "dueOn", "receivedOn", "processedOn"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        filingStatus = try c.decodeIfPresent(String.self, forKey: .filingStatus)
        exemptions = try c.decodeIfPresent(Int.self, forKey: .exemptions)
        agi = try c.decodeIfPresent(Money.self, forKey: .agi)
        taxableIncome = try c.decodeIfPresent(Money.self, forKey: .taxableIncome)
        taxPerReturn = try c.decodeIfPresent(Money.self, forKey: .taxPerReturn)
        seIncome = try c.decodeIfPresent(Money.self, forKey: .seIncome)
        seTax = try c.decodeIfPresent(Money.self, forKey: .seTax)
        dueOn = try c.decodeIfPresent(String.self, forKey: .dueOn)
        receivedOn = try c.decodeIfPresent(String.self, forKey: .receivedOn)
        processedOn = try c.decodeIfPresent(String.self, forKey: .processedOn)
    }

    /// The dates the record carries, for validation.
    public var dates: [(field: String, value: String)] {
        [("dueOn", dueOn), ("receivedOn", receivedOn), ("processedOn", processedOn)]
            .compactMap { field, value in value.map { (field, $0) } }
    }
}

/// One posted transaction of a tax module: transaction code (`150`, `806`, `846` …), posting date,
/// optional cycle (`YYYYCCDD`), amount (negative for credits and payments), and for a TC 971 or
/// 972 the three-digit action code that says which action it records (`063` installment
/// agreement established; see `TransactionCodes.ActionCode`).
public struct AccountTransaction: Hashable, Sendable, Codable {
    public var code: String
    public var date: String
    public var cycle: String?
    public var amount: Money
    public var actionCode: String?

    public init(code: String, date: String, cycle: String? = nil, amount: Money, actionCode: String? = nil) {
        self.code = code
        self.date = date
        self.cycle = cycle
        self.amount = amount
        self.actionCode = actionCode
    }

    private enum CodingKeys: String, CodingKey { case code, date, cycle, amount, actionCode }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["code", "date", "cycle", "amount", "actionCode"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        date = try c.decode(String.self, forKey: .date)
        cycle = try c.decodeIfPresent(String.self, forKey: .cycle)
        amount = try c.decode(Money.self, forKey: .amount)
        actionCode = try c.decodeIfPresent(String.self, forKey: .actionCode)
    }
}

/// A wage & income document (W-2, 1099-INT, 1099-NEC …) reported for the taxpayer: the payer and
/// the amounts by box name (`wages`, `federalWithholding`, `interest` …).
public struct IncomeDocument: Hashable, Sendable, Codable {
    public var form: String
    public var payer: Payer
    public var accountNumber: String?
    public var amounts: [String: Money]

    public init(form: String, payer: Payer, accountNumber: String? = nil, amounts: [String: Money]) {
        self.form = form
        self.payer = payer
        self.accountNumber = accountNumber
        self.amounts = amounts
    }

    /// Who issued the document.
    public struct Payer: Hashable, Sendable, Codable {
        public var name: RecordName
        public var tin: String
        public var address: RecordAddress?

        public init(name: RecordName, tin: String, address: RecordAddress? = nil) {
            self.name = name
            self.tin = tin
            self.address = address
        }

        private enum CodingKeys: String, CodingKey { case name, tin, address }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(allowed: ["name", "tin", "address"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(RecordName.self, forKey: .name)
            tin = try c.decode(String.self, forKey: .tin)
            address = try c.decodeIfPresent(RecordAddress.self, forKey: .address)
        }
    }

    private enum CodingKeys: String, CodingKey { case form, payer, accountNumber, amounts }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["form", "payer", "accountNumber", "amounts"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.decode(String.self, forKey: .form)
        payer = try c.decode(Payer.self, forKey: .payer)
        accountNumber = try c.decodeIfPresent(String.self, forKey: .accountNumber)
        amounts = try c.decode([String: Money].self, forKey: .amounts)
    }
}
