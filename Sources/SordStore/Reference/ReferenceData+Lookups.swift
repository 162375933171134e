import GRDB
import SordCore

/// The look-ups the rules need.
extension ReferenceData {
    // MARK: Master File

    /// The Master File entity with this TIN, or nil.
    public func entity(tin: TIN) throws -> EntityRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM entity WHERE tin = ?"),
                         arguments: [tin.description]).map(entity(_:))
    }

    /// The name control stored for this TIN, or nil when the TIN is not on the Master File.
    public func nameControl(tin: TIN) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name_control FROM entity WHERE tin = ?"),
                            arguments: [tin.description])
    }

    /// The tax module for this TIN, form and period, or nil.
    public func module(tin: TIN, form: String, period: TaxPeriod) throws -> TaxModuleRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM tax_module WHERE tin = ? AND form = ? AND period = ?"),
                         arguments: [tin.description, form, period.description]).map(module(_:))
    }

    /// Every tax module of this TIN for this period, any form, ordered by form (wage & income
    /// transcripts gather the year's income documents from these).
    public func modules(tin: TIN, period: TaxPeriod) throws -> [TaxModuleRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM tax_module WHERE tin = ? AND period = ? ORDER BY form"),
                         arguments: [tin.description, period.description]).map(module(_:))
    }

    // MARK: CAF

    /// The representative with this CAF number (suffix ignored), or nil.
    public func representative(caf: CAFNumber) throws -> RepresentativeRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM representative WHERE caf = ?"),
                         arguments: [caf.storageKey]).map(representative(_:))
    }

    /// Every representative whose CAF record carries this TIN, by CAF number.
    public func representatives(tin: TIN) throws -> [RepresentativeRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM representative WHERE tin = ? ORDER BY caf"),
                         arguments: [tin.description]).map(representative(_:))
    }

    /// The authorization with this id, or nil.
    public func authorization(id: String) throws -> CAFAuthorizationRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM caf_authorization WHERE id = ?"),
                         arguments: [id]).map(authorization(_:))
    }

    /// The active authorizations of this taxpayer naming this CAF number that cover `form` and
    /// `period` (TDS-103 passes when there is one), ordered by id.
    public func activeAuthorizations(tin: TIN, caf: CAFNumber, form: String, period: TaxPeriod) throws -> [CAFAuthorizationRecord] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.* FROM caf_coverage c JOIN caf_authorization a ON a.id = c.authorization_id
            WHERE c.tin = ? AND c.caf = ? AND c.form = ? AND c.period = ? AND a.status = 'active'
            ORDER BY a.id
            """), arguments: [tin.description, caf.storageKey, form, period.description]).map(authorization(_:))
    }

    /// The active authorizations of this form type for this taxpayer that cover any of the given
    /// (matter form, period) pairs, any representative, ordered by id: the ones a newly recorded
    /// authorization revokes unless it retains prior ones.
    public func activeAuthorizations(tin: TIN, formType: CAFAuthorizationRecord.Form,
                                     covering pairs: [(form: String, period: String)]) throws -> [CAFAuthorizationRecord] {
        var ids = Set<String>()
        let statement = try db.cachedStatement(sql: """
            SELECT a.id FROM caf_coverage c JOIN caf_authorization a ON a.id = c.authorization_id
            WHERE c.tin = ? AND c.form = ? AND c.period = ? AND a.form = ? AND a.status = 'active'
            """)
        for pair in pairs {
            ids.formUnion(try String.fetchAll(statement,
                arguments: [tin.description, pair.form, pair.period, formType.rawValue]))
        }
        return try ids.sorted().compactMap { try authorization(id: $0) }
    }

    /// Every active authorization of this taxpayer, ordered by id.
    public func activeAuthorizations(tin: TIN) throws -> [CAFAuthorizationRecord] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM caf_authorization WHERE tin = ? AND status = 'active' ORDER BY id
            """), arguments: [tin.description]).map(authorization(_:))
    }

    /// How many different representatives receive notice copies under this taxpayer's active
    /// authorizations, leaving out `excluding` (TPA-010 allows two).
    public func noticeRecipientCount(tin: TIN, excluding caf: CAFNumber? = nil) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(DISTINCT caf) FROM caf_authorization
            WHERE tin = ? AND status = 'active' AND receive_notices = 1 AND caf <> ?
            """), arguments: [tin.description, caf?.storageKey ?? ""]) ?? 0
    }

    // MARK: e-File application

    /// Every e-File application this user is on, by EFIN.
    public func efileMemberships(user: String) throws -> [EFileUserRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM efile_user WHERE user_id = ? ORDER BY efin"),
                         arguments: [user]).map(efileUser(_:))
    }

    /// Everyone on the e-File application with this EFIN, by user id.
    public func efileMembers(efin: EFIN) throws -> [EFileUserRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM efile_user WHERE efin = ? ORDER BY user_id"),
                         arguments: [efin.description]).map(efileUser(_:))
    }

    /// This user's membership of the application with this EFIN, or nil.
    public func efileMember(efin: EFIN, user: String) throws -> EFileUserRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM efile_user WHERE efin = ? AND user_id = ?"),
                         arguments: [efin.description, user]).map(efileUser(_:))
    }

    // MARK: Rows to records

    func entity(_ row: Row) -> EntityRecord {
        EntityRecord(tin: row["tin"], name: recordName(row), address: recordAddress(row))
    }

    func module(_ row: Row) throws -> TaxModuleRecord {
        let returnJSON: String? = row["return_json"]
        return TaxModuleRecord(
            tin: row["tin"], form: row["form"], period: row["period"],
            returnInfo: try returnJSON.map { text throws in try ModuleColumns.returnInfo(text) },
            balance: try money(row, "balance"), accruedInterest: try money(row, "accrued_interest"),
            accruedPenalty: try money(row, "accrued_penalty"),
            transactions: try ModuleColumns.transactions(row["transactions_json"]),
            incomeDocuments: try ModuleColumns.incomeDocuments(row["income_documents_json"]))
    }

    func representative(_ row: Row) -> RepresentativeRecord {
        let digits: String = row["caf"]
        let suffix: String = row["caf_suffix"]
        let caf = digits.prefix(4) + "-" + digits.dropFirst(4) + suffix
        return RepresentativeRecord(caf: String(caf), name: recordName(row), tin: row["tin"], ptin: row["ptin"],
                                    address: recordAddress(row), practiceCode: row["practice_code"])
    }

    func authorization(_ row: Row) throws -> CAFAuthorizationRecord {
        CAFAuthorizationRecord(
            id: row["id"], form: CAFAuthorizationRecord.Form(rawValue: row["form"]) ?? .poa2848,
            tin: row["tin"], caf: row["caf_text"],
            matters: try decode([Matter].self, row["matters_json"]),
            receiveNotices: row["receive_notices"], designation: row["designation"],
            status: CAFAuthorizationRecord.Status(rawValue: row["status"]) ?? .active,
            recordedOn: row["recorded_on"], revokedOn: row["revoked_on"], revokedBy: row["revoked_by"])
    }

    func efileUser(_ row: Row) -> EFileUserRecord {
        EFileUserRecord(efin: row["efin"], firm: row["firm"], user: row["user_id"],
                        role: EFileUserRecord.Role(rawValue: row["role"]) ?? .delegate,
                        name: .person(first: row["first_name"], middle: row["middle_name"],
                                      last: row["last_name"], suffix: row["name_suffix"]),
                        tds: row["tds"])
    }

    private func money(_ row: Row, _ column: String) throws -> Money {
        let text: String = row[column]
        guard let value = Money(text) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "\(column) is not a decimal amount")
        }
        return value
    }
}
