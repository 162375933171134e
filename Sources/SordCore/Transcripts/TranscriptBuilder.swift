/// Makes a `Transcript` from Master File records (SPEC 7): picks the blocks of the product and
/// masks the taxpayer's and payers' identifying values unless the item asks for `unmasked`.
public enum TranscriptBuilder {
    /// When and under which number a transcript is made.
    public struct Stamp: Sendable, Hashable {
        public var requestDate: Day
        public var responseDate: Day
        public var trackingNumber: String

        public init(requestDate: Day, responseDate: Day, trackingNumber: String) {
            self.requestDate = requestDate
            self.responseDate = responseDate
            self.trackingNumber = trackingNumber
        }
    }

    /// The transcript of `item` for `entity`, from the records the checks passed on.
    public static func build(_ item: TranscriptItem, entity: EntityRecord, records: TDSRecords, stamp: Stamp) -> Transcript {
        let masked = !item.unmasked
        let period = TDSItemRules.period(of: item)
        var transcript = Transcript(
            product: item.product, title: Transcript.title(of: item.product), masked: masked,
            requestDate: stamp.requestDate.description, responseDate: stamp.responseDate.description,
            trackingNumber: stamp.trackingNumber, form: item.form, taxPeriod: period?.description ?? item.period,
            taxPeriodEnd: period?.endDay.description ?? "", customerFileNumber: item.customerFileNumber,
            taxpayer: taxpayer(entity, masked: masked))
        let module = records.module
        let asOf = stamp.responseDate.description
        switch item.product {
        case .account:
            transcript.balance = module.map { balance($0, asOf: asOf) }
            transcript.returnInfo = module?.returnInfo
            transcript.transactions = module.map(transactions) ?? []
        case .recordOfAccount:
            transcript.returnInfo = module?.returnInfo
            transcript.balance = module.map { balance($0, asOf: asOf) }
            transcript.transactions = module.map(transactions) ?? []
        case .return:
            transcript.returnInfo = module?.returnInfo
        case .wageAndIncome:
            transcript.incomeDocuments = records.periodModules.flatMap(\.incomeDocuments).map { document($0, masked: masked) }
        case .verificationOfNonFiling:
            transcript.nonFiling = Transcript.NonFiling(
                returnFiled: false, asOf: asOf,
                statement: "The IRS has no record of a processed Form \(item.form) tax return for this tax period as of the response date. This letter does not say whether the taxpayer was required to file a return.")
        case .entity:
            let filings = records.taxpayerModules
                .sorted { ($0.period, $0.form) < ($1.period, $1.form) }
                .map { Transcript.Filing(form: $0.form, taxPeriod: $0.period, returnFiled: $0.returnFiled) }
            transcript.entity = Transcript.Entity(kind: entity.name.isBusiness ? "business" : "individual", filings: filings)
        }
        return transcript
    }

    /// The taxpayer block, masked per SPEC 7 (TIN last four, names first four, street first six;
    /// city, state and ZIP in full) or in full.
    static func taxpayer(_ entity: EntityRecord, masked: Bool) -> Transcript.Taxpayer {
        let tin = (try? TIN(parsing: entity.tin)).map { masked ? Masking.tin($0) : $0.description } ?? ""
        return Transcript.Taxpayer(
            tin: tin, name: name(entity.name, masked: masked),
            street: masked ? Masking.street(entity.address.street) : entity.address.street.uppercased(),
            city: entity.address.city.uppercased(), state: entity.address.state.uppercased(), zip: entity.address.zip,
            country: entity.address.country)
    }

    /// A name as shown: masked by its kind's rule, or in full (person: first, middle, last, suffix).
    static func name(_ name: RecordName, masked: Bool) -> String {
        if masked { return Masking.taxpayerName(name.taxpayerName) }
        switch name {
        case let .person(first, middle, last, suffix):
            return [first, middle, last, suffix].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ").uppercased()
        case let .business(business):
            return business.uppercased()
        }
    }

    static func balance(_ module: TaxModuleRecord, asOf: String) -> Transcript.Balance {
        Transcript.Balance(accountBalance: module.balance, accruedInterest: module.accruedInterest,
                           accruedPenalty: module.accruedPenalty, asOf: asOf)
    }

    /// The module's transactions in posting-date order (stable for equal dates).
    static func transactions(_ module: TaxModuleRecord) -> [Transcript.Transaction] {
        module.transactions.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map { Transcript.Transaction(code: $0.element.code, explanation: TransactionCodes.explanation($0.element.code, actionCode: $0.element.actionCode),
                                          cycle: $0.element.cycle, date: $0.element.date, amount: $0.element.amount) }
    }

    /// A wage & income document; the payer's name, TIN and street and the account number masked
    /// like the taxpayer's, amounts in full.
    static func document(_ document: IncomeDocument, masked: Bool) -> Transcript.IncomeDocumentEntry {
        let payerTIN = (try? TIN(parsing: document.payer.tin)).map { masked ? Masking.tin($0) : $0.description } ?? ""
        let address = document.payer.address
        let payer = Transcript.Payer(
            name: name(document.payer.name, masked: masked), tin: payerTIN,
            street: address.map { masked ? Masking.street($0.street) : $0.street.uppercased() },
            city: address?.city.uppercased(), state: address?.state.uppercased(), zip: address?.zip)
        let amounts = IncomeDocumentLabels.ordered(document.amounts.keys).map { box in
            Transcript.Amount(box: box, label: IncomeDocumentLabels.label(ofBox: box), amount: document.amounts[box] ?? .zero)
        }
        return Transcript.IncomeDocumentEntry(
            form: document.form, formTitle: IncomeDocumentLabels.title(ofForm: document.form), payer: payer,
            accountNumber: document.accountNumber.map { masked ? Masking.accountNumber($0) : $0 }, amounts: amounts)
    }
}
