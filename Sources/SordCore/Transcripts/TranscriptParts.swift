/// The blocks a transcript is made of.
extension Transcript {
    /// The taxpayer block: TIN, name and address as shown (masked unless asked otherwise).
    public struct Taxpayer: Sendable, Hashable, Encodable {
        public var tin: String
        public var name: String
        public var street: String
        public var city: String
        public var state: String
        public var zip: String
        /// ISO country code when not `US`.
        public var country: String?

        public init(tin: String, name: String, street: String, city: String, state: String, zip: String, country: String?) {
            self.tin = tin
            self.name = name
            self.street = street
            self.city = city
            self.state = state
            self.zip = zip
            self.country = country
        }
    }

    /// The balance block: amounts as of the response date (a negative amount is a credit).
    public struct Balance: Sendable, Hashable, Encodable {
        public var accountBalance: Money
        public var accruedInterest: Money
        public var accruedPenalty: Money
        /// Balance plus accruals (not a payoff amount).
        public var balancePlusAccruals: Money
        public var asOf: String

        public init(accountBalance: Money, accruedInterest: Money, accruedPenalty: Money, asOf: String) {
            self.accountBalance = accountBalance
            self.accruedInterest = accruedInterest
            self.accruedPenalty = accruedPenalty
            self.balancePlusAccruals = accountBalance + accruedInterest + accruedPenalty
            self.asOf = asOf
        }
    }

    /// One posted transaction with its explanation.
    public struct Transaction: Sendable, Hashable, Encodable {
        public var code: String
        public var explanation: String
        public var cycle: String?
        public var date: String
        public var amount: Money

        public init(code: String, explanation: String, cycle: String?, date: String, amount: Money) {
            self.code = code
            self.explanation = explanation
            self.cycle = cycle
            self.date = date
            self.amount = amount
        }
    }

    /// One wage & income document: its form, the payer, the account number and the amounts by box.
    public struct IncomeDocumentEntry: Sendable, Hashable, Encodable {
        public var form: String
        /// "Wage and Tax Statement" for a W-2, and so on; empty when the form is not known.
        public var formTitle: String
        public var payer: Payer
        public var accountNumber: String?
        /// In the order of their box names.
        public var amounts: [Amount]

        public init(form: String, formTitle: String, payer: Payer, accountNumber: String?, amounts: [Amount]) {
            self.form = form
            self.formTitle = formTitle
            self.payer = payer
            self.accountNumber = accountNumber
            self.amounts = amounts
        }
    }

    /// Who issued an income document, as shown.
    public struct Payer: Sendable, Hashable, Encodable {
        public var name: String
        public var tin: String
        public var street: String?
        public var city: String?
        public var state: String?
        public var zip: String?

        public init(name: String, tin: String, street: String?, city: String?, state: String?, zip: String?) {
            self.name = name
            self.tin = tin
            self.street = street
            self.city = city
            self.state = state
            self.zip = zip
        }
    }

    /// One amount of an income document: the box name as recorded, its label, the amount.
    public struct Amount: Sendable, Hashable, Encodable {
        public var box: String
        public var label: String
        public var amount: Money

        public init(box: String, label: String, amount: Money) {
            self.box = box
            self.label = label
            self.amount = amount
        }
    }

    /// The verification of non-filing: no return processed for the period as of a day.
    public struct NonFiling: Sendable, Hashable, Encodable {
        public var returnFiled: Bool
        public var asOf: String
        public var statement: String

        public init(returnFiled: Bool, asOf: String, statement: String) {
            self.returnFiled = returnFiled
            self.asOf = asOf
            self.statement = statement
        }
    }

    /// The entity block of a business: its kind and the returns it is on file for.
    public struct Entity: Sendable, Hashable, Encodable {
        public var kind: String
        public var filings: [Filing]

        public init(kind: String, filings: [Filing]) {
            self.kind = kind
            self.filings = filings
        }
    }

    /// One tax module on file for the entity.
    public struct Filing: Sendable, Hashable, Encodable {
        public var form: String
        public var taxPeriod: String
        public var returnFiled: Bool

        public init(form: String, taxPeriod: String, returnFiled: Bool) {
            self.form = form
            self.taxPeriod = taxPeriod
            self.returnFiled = returnFiled
        }
    }
}
