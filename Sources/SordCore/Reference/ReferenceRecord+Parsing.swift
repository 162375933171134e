/// Reading reference-data lines with the hand-written JSON parser (`JSONValue`) instead of
/// `JSONDecoder`, several times faster on large imports. The rules are the Codable decoders' rules:
/// unknown fields are refused, optional fields may be absent or `null`, amounts are strings, and
/// the first problem found is reported with its JSON path. Repeated field names are refused too.
extension ReferenceRecord {
    /// One line's bytes (UTF-8, without the newline) as a checked, canonical record
    /// (`RecordValidation` applied), or its problems: SUB-003 when the line is not UTF-8 JSON,
    /// SUB-005 when it is JSON of the wrong shape, the validators' codes otherwise.
    public static func parse(line: [UInt8]) -> Result<ReferenceRecord, RecordProblems> {
        if let offset = UTF8Validation.firstInvalidOffset(in: line) {
            return .failure(RecordProblems(problems: [
                Problem(.sub003, "not a valid JSON object in UTF-8 (invalid UTF-8 at byte \(offset + 1))"),
            ]))
        }
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try JSONValue.parse(line)
        } catch {
            return .failure(RecordProblems(problems: [
                Problem(.sub003, "not a valid JSON object in UTF-8 (\(error.reason) at column \(error.column))"),
            ]))
        }
        do throws(Problem) {
            return RecordValidation.validate(try ReferenceRecord(json: value))
        } catch {
            return .failure(RecordProblems(problems: [error]))
        }
    }

    /// The record a parsed line describes, before validation; throws the first shape problem.
    public init(json value: JSONValue) throws(Problem) {
        guard case .object = value else { throw RecordFields.wrongType(value, expected: "an object", path: "$") }
        guard let name = RecordFields.first("record", in: value) else {
            throw Problem(.sub005, "missing field \"record\"", path: "$.record")
        }
        let text = try RecordFields.string(name, path: "$.record")
        guard let kind = Kind(rawValue: text) else {
            throw Problem(.sub005, "unknown record \"\(text)\"; expected entity, module, representative, cafAuthorization or efileUser",
                          path: "$.record")
        }
        switch kind {
        case .entity: self = .entity(try EntityRecord(try RecordFields(value, path: "$", allowed: EntityRecord.fields)))
        case .module: self = .module(try TaxModuleRecord(try RecordFields(value, path: "$", allowed: TaxModuleRecord.fields)))
        case .representative:
            self = .representative(try RepresentativeRecord(try RecordFields(value, path: "$", allowed: RepresentativeRecord.fields)))
        case .cafAuthorization:
            self = .cafAuthorization(try CAFAuthorizationRecord(try RecordFields(value, path: "$", allowed: CAFAuthorizationRecord.fields)))
        case .efileUser: self = .efileUser(try EFileUserRecord(try RecordFields(value, path: "$", allowed: EFileUserRecord.fields)))
        }
    }
}

extension EntityRecord {
    static let fields = ["record", "tin", "name", "address"]

    init(_ f: RecordFields) throws(Problem) {
        self.init(tin: try f.string("tin"), name: try RecordName(f.object("name", allowed: RecordName.fields)),
                  address: try RecordAddress(f.object("address", allowed: RecordAddress.fields)))
    }
}

extension RecordName {
    static let fields = ["first", "middle", "last", "suffix", "business"]

    init(_ f: RecordFields) throws(Problem) {
        if let business = try f.optionalString("business") {
            guard !f.has("first"), !f.has("last"), !f.has("middle"), !f.has("suffix") else {
                throw Problem(.sub005, "a name is either a person or a business, not both", path: f.path + ".business")
            }
            self = .business(business)
        } else {
            self = .person(first: try f.string("first"), middle: try f.optionalString("middle"),
                           last: try f.string("last"), suffix: try f.optionalString("suffix"))
        }
    }
}

extension RecordAddress {
    static let fields = ["street", "city", "state", "zip", "country"]

    init(_ f: RecordFields) throws(Problem) {
        self.init(street: try f.string("street"), city: try f.string("city"), state: try f.string("state"),
                  zip: try f.string("zip"), country: try f.optionalString("country"))
    }
}

extension TaxModuleRecord {
    static let fields = ["record", "tin", "form", "period", "return", "balance", "accruedInterest",
                         "accruedPenalty", "transactions", "incomeDocuments"]

    init(_ f: RecordFields) throws(Problem) {
        let tin = try f.string("tin"), form = try f.string("form"), period = try f.string("period")
        let returnInfo = try f.optionalObject("return", allowed: ReturnInfo.fields).map { (r) throws(Problem) in try ReturnInfo(r) }
        self.init(
            tin: tin, form: form, period: period, returnInfo: returnInfo,
            balance: try f.optionalMoney("balance") ?? .zero,
            accruedInterest: try f.optionalMoney("accruedInterest") ?? .zero,
            accruedPenalty: try f.optionalMoney("accruedPenalty") ?? .zero,
            transactions: try f.optionalArray("transactions") { (v, path) throws(Problem) in
                try AccountTransaction(RecordFields(v, path: path(), allowed: AccountTransaction.fields))
            } ?? [],
            incomeDocuments: try f.optionalArray("incomeDocuments") { (v, path) throws(Problem) in
                try IncomeDocument(RecordFields(v, path: path(), allowed: IncomeDocument.fields))
            } ?? [])
    }
}

extension ReturnInfo {
    static let fields = ["filingStatus", "exemptions", "agi", "taxableIncome", "taxPerReturn", "seIncome",
                         "seTax", "dueOn", "receivedOn", "processedOn"]

    init(_ f: RecordFields) throws(Problem) {
        self.init(filingStatus: try f.optionalString("filingStatus"), exemptions: try f.optionalInt("exemptions"),
                  agi: try f.optionalMoney("agi"), taxableIncome: try f.optionalMoney("taxableIncome"),
                  taxPerReturn: try f.optionalMoney("taxPerReturn"), seIncome: try f.optionalMoney("seIncome"),
                  seTax: try f.optionalMoney("seTax"), dueOn: try f.optionalString("dueOn"),
                  receivedOn: try f.optionalString("receivedOn"), processedOn: try f.optionalString("processedOn"))
    }
}

extension AccountTransaction {
    static let fields = ["code", "date", "cycle", "amount", "actionCode"]

    init(_ f: RecordFields) throws(Problem) {
        self.init(code: try f.string("code"), date: try f.string("date"), cycle: try f.optionalString("cycle"),
                  amount: try f.money("amount"), actionCode: try f.optionalString("actionCode"))
    }
}

extension IncomeDocument {
    static let fields = ["form", "payer", "accountNumber", "amounts"]

    init(_ f: RecordFields) throws(Problem) {
        let form = try f.string("form")
        let payer = try f.object("payer", allowed: ["name", "tin", "address"])
        self.init(form: form,
                  payer: Payer(name: try RecordName(payer.object("name", allowed: RecordName.fields)),
                               tin: try payer.string("tin"),
                               address: try payer.optionalObject("address", allowed: RecordAddress.fields)
                                   .map { (a) throws(Problem) in try RecordAddress(a) }),
                  accountNumber: try f.optionalString("accountNumber"), amounts: try f.amounts("amounts"))
    }
}

extension RepresentativeRecord {
    static let fields = ["record", "caf", "name", "tin", "ptin", "address", "practiceCode"]

    init(_ f: RecordFields) throws(Problem) {
        self.init(caf: try f.string("caf"), name: try RecordName(f.object("name", allowed: RecordName.fields)),
                  tin: try f.optionalString("tin"), ptin: try f.optionalString("ptin"),
                  address: try RecordAddress(f.object("address", allowed: RecordAddress.fields)),
                  practiceCode: try f.optionalString("practiceCode") ?? "")
    }
}

extension CAFAuthorizationRecord {
    static let fields = ["record", "id", "form", "tin", "caf", "matters", "receiveNotices", "designation",
                         "status", "recordedOn", "revokedOn", "revokedBy"]

    init(_ f: RecordFields) throws(Problem) {
        let id = try f.string("id"), form = try f.choice("form", Form.self)
        let tin = try f.string("tin"), caf = try f.string("caf")
        let matters = try f.array("matters") { (v, path) throws(Problem) in
            try Matter(RecordFields(v, path: path(), allowed: Matter.fields))
        }
        self.init(id: id, form: form, tin: tin, caf: caf, matters: matters,
                  receiveNotices: try f.optionalBool("receiveNotices") ?? false,
                  designation: try f.optionalString("designation"),
                  status: try f.optionalChoice("status", Status.self) ?? .active,
                  recordedOn: try f.string("recordedOn"), revokedOn: try f.optionalString("revokedOn"),
                  revokedBy: try f.optionalString("revokedBy"))
    }
}

extension Matter {
    static let fields = ["description", "form", "periods"]

    init(_ f: RecordFields) throws(Problem) {
        self.init(description: try f.string("description"), form: try f.string("form"),
                  periods: try f.array("periods") { (v, path) throws(Problem) in try RecordFields.string(v, path: path()) })
    }
}

extension EFileUserRecord {
    static let fields = ["record", "efin", "firm", "user", "role", "name", "tds"]

    init(_ f: RecordFields) throws(Problem) {
        self.init(efin: try f.string("efin"), firm: try f.string("firm"), user: try f.string("user"),
                  role: try f.choice("role", Role.self), name: try RecordName(f.object("name", allowed: RecordName.fields)),
                  tds: try f.optionalBool("tds") ?? false)
    }
}
