import SordCore

/// Whether an upsert added a new record or replaced an existing one.
public enum UpsertOutcome: Sendable, Hashable {
    case inserted, updated
}

/// Writing whole records, keyed as SPEC 9 says: entity by TIN, module by TIN + form + period,
/// representative by CAF number, authorization by id, e-File user by EFIN + user.
extension ReferenceData {
    /// Inserts the record, or replaces the one with the same key. The record must already have
    /// passed `RecordValidation` (identifiers canonical).
    @discardableResult
    public func upsert(_ record: ReferenceRecord) throws -> UpsertOutcome {
        switch record {
        case .entity(let r): try upsert(r)
        case .module(let r): try upsert(r)
        case .representative(let r): try upsert(r)
        case .cafAuthorization(let r): try upsert(r)
        case .efileUser(let r): try upsert(r)
        }
    }

    /// Inserts or replaces a Master File entity; the name control is derived here.
    @discardableResult
    public func upsert(_ r: EntityRecord) throws -> UpsertOutcome {
        try RecordTable.entity.upsert(RecordTable.values(r), in: db)
    }

    /// Inserts or replaces a tax module.
    @discardableResult
    public func upsert(_ r: TaxModuleRecord) throws -> UpsertOutcome {
        try RecordTable.module.upsert(RecordTable.values(r), in: db)
    }

    /// Inserts or replaces a CAF representative.
    @discardableResult
    public func upsert(_ r: RepresentativeRecord) throws -> UpsertOutcome {
        try RecordTable.representative.upsert(try RecordTable.values(r), in: db)
    }

    /// Inserts or replaces an authorization together with its coverage rows (one per matter form
    /// and period).
    @discardableResult
    public func upsert(_ r: CAFAuthorizationRecord) throws -> UpsertOutcome {
        let outcome = try RecordTable.authorization.upsert(try RecordTable.values(r), in: db)
        if outcome == .updated {
            try db.execute("DELETE FROM caf_coverage WHERE authorization_id = ?", r.id)
        }
        for row in try RecordTable.coverage(r) {
            try db.execute("INSERT INTO caf_coverage (authorization_id, tin, caf, form, period) VALUES (?, ?, ?, ?, ?)", bindings: row)
        }
        return outcome
    }

    /// Inserts or replaces an e-File application member.
    @discardableResult
    public func upsert(_ r: EFileUserRecord) throws -> UpsertOutcome {
        try RecordTable.efileUser.upsert(RecordTable.values(r), in: db)
    }
}

/// A reference table as records are written into it: its name, key and columns, and each record
/// type's column values in that order.
struct RecordTable: Sendable {
    let name: String
    let key: [String]
    /// Every column, the key's first.
    let columns: [String]
    /// `INSERT … ON CONFLICT DO NOTHING` of one row.
    let insert: String
    /// `UPDATE` of the non-key columns, bound as (non-key values…, key values…).
    let update: String

    init(_ name: String, key: [String], columns: [String]) {
        self.name = name
        self.key = key
        self.columns = key + columns
        insert = "INSERT INTO \(name) (\(self.columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: self.columns.count).joined(separator: ", ")
            + ") ON CONFLICT (\(key.joined(separator: ", "))) DO NOTHING"
        update = "UPDATE \(name) SET " + columns.map { "\($0) = ?" }.joined(separator: ", ")
            + " WHERE " + key.map { "\($0) = ?" }.joined(separator: " AND ")
    }

    /// Inserts `values` (in `columns` order), or updates the row with the same key.
    func upsert(_ values: [SQLValue], in db: any SQLSession) throws -> UpsertOutcome {
        if try db.execute(insert, bindings: values) > 0 { return .inserted }
        try db.execute(update, bindings: Array(values[key.count...]) + Array(values[..<key.count]))
        return .updated
    }

    static let names = ["first_name", "middle_name", "last_name", "name_suffix", "business_name"]
    static let address = ["street", "city", "state", "zip", "country"]

    static let entity = RecordTable("entity", key: ["tin"], columns: ["kind"] + names + ["name_control"] + address)
    static let module = RecordTable("tax_module", key: ["tin", "form", "period"], columns: [
        "return_json", "return_filed", "balance", "accrued_interest", "accrued_penalty", "transactions_json", "income_documents_json",
    ])
    static let representative = RecordTable("representative", key: ["caf"],
                                            columns: ["caf_suffix"] + names + ["tin", "ptin"] + address + ["practice_code"])
    static let authorization = RecordTable("caf_authorization", key: ["id"], columns: [
        "form", "tin", "caf", "caf_text", "matters_json", "receive_notices", "designation", "status", "recorded_on",
        "revoked_on", "revoked_by",
    ])
    static let efileUser = RecordTable("efile_user", key: ["efin", "user_id"], columns: [
        "firm", "role", "first_name", "middle_name", "last_name", "name_suffix", "tds",
    ])

    static func values(_ r: EntityRecord) -> [SQLValue] {
        let kind = (try? TIN(parsing: r.tin))?.isIndividual == false ? "business" : "individual"
        return [r.tin.sqlValue, kind.sqlValue] + nameColumns(r.name)
            + [(r.name.nameControl?.value ?? "").sqlValue] + addressColumns(r.address)
    }

    static func values(_ r: TaxModuleRecord) -> [SQLValue] {
        [r.tin, r.form, r.period].map(\.sqlValue) + [
            r.returnInfo.map(ReferenceJSON.text).sqlValue, r.returnFiled.sqlValue, r.balance.description.sqlValue,
            r.accruedInterest.description.sqlValue, r.accruedPenalty.description.sqlValue,
            ReferenceJSON.text(r.transactions).sqlValue, ReferenceJSON.text(r.incomeDocuments).sqlValue,
        ]
    }

    static func values(_ r: RepresentativeRecord) throws -> [SQLValue] {
        let caf = try CAFNumber(parsing: r.caf)
        return [caf.storageKey.sqlValue, (caf.suffix.map(String.init) ?? "").sqlValue] + nameColumns(r.name)
            + [r.tin.sqlValue, r.ptin.sqlValue] + addressColumns(r.address) + [r.practiceCode.sqlValue]
    }

    static func values(_ r: CAFAuthorizationRecord) throws -> [SQLValue] {
        let caf = try CAFNumber(parsing: r.caf).storageKey
        return [
            r.id.sqlValue, r.form.rawValue.sqlValue, r.tin.sqlValue, caf.sqlValue, r.caf.sqlValue,
            ReferenceJSON.text(r.matters).sqlValue, r.receiveNotices.sqlValue, r.designation.sqlValue,
            r.status.rawValue.sqlValue, r.recordedOn.sqlValue, r.revokedOn.sqlValue, r.revokedBy.sqlValue,
        ]
    }

    /// The `caf_coverage` rows of an authorization: (authorization id, tin, caf, form, period).
    static func coverage(_ r: CAFAuthorizationRecord) throws -> [[SQLValue]] {
        let caf = try CAFNumber(parsing: r.caf).storageKey
        return r.coverage.map { [r.id, r.tin, caf, $0.form, $0.period].map(\.sqlValue) }
    }

    static func values(_ r: EFileUserRecord) -> [SQLValue] {
        [r.efin, r.user, r.firm, r.role.rawValue].map(\.sqlValue) + nameColumns(r.name).prefix(4) + [r.tds.sqlValue]
    }

    static func addressColumns(_ a: RecordAddress) -> [SQLValue] {
        [a.street, a.city, a.state, a.zip, a.country ?? "US"].map(\.sqlValue)
    }
}
