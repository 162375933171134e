import SordCore

/// The look-ups the rules need.
extension ReferenceData {
    // MARK: Master File

    /// The columns `entity(_:)` reads, in order.
    static let entityColumns = "tin, first_name, middle_name, last_name, name_suffix, business_name, street, city, state, zip, country"

    /// The Master File entity with this TIN, or nil.
    public func entity(tin: TIN) throws -> EntityRecord? {
        try db.queryOne("SELECT \(Self.entityColumns) FROM entity WHERE tin = ?", tin.description).map(entity(_:))
    }

    /// The name control stored for this TIN, or nil when the TIN is not on the Master File.
    public func nameControl(tin: TIN) throws -> String? {
        try db.queryOne("SELECT name_control FROM entity WHERE tin = ?", tin.description)?.string(0)
    }

    /// The columns `module(_:)` reads, in order.
    static let moduleColumns = """
        tin, form, period, return_json, balance, accrued_interest, accrued_penalty, transactions_json, income_documents_json
        """

    /// The tax module for this TIN, form and period, or nil.
    public func module(tin: TIN, form: String, period: TaxPeriod) throws -> TaxModuleRecord? {
        try db.queryOne("SELECT \(Self.moduleColumns) FROM tax_module WHERE tin = ? AND form = ? AND period = ?",
                        tin.description, form, period.description).map(module(_:))
    }

    /// Every tax module of this TIN for this period, any form, ordered by form (wage & income
    /// transcripts gather the year's income documents from these).
    public func modules(tin: TIN, period: TaxPeriod) throws -> [TaxModuleRecord] {
        try db.query("SELECT \(Self.moduleColumns) FROM tax_module WHERE tin = ? AND period = ? ORDER BY form",
                     tin.description, period.description).map(module(_:))
    }

    /// Every tax module of this TIN, by period then form (the filings an entity transcript lists).
    public func modules(tin: TIN) throws -> [TaxModuleRecord] {
        try db.query("SELECT \(Self.moduleColumns) FROM tax_module WHERE tin = ? ORDER BY period, form",
                     tin.description).map(module(_:))
    }

    // MARK: CAF

    /// The columns `representative(_:)` reads, in order.
    static let representativeColumns = """
        caf, caf_suffix, first_name, middle_name, last_name, name_suffix, business_name, tin, ptin, \
        street, city, state, zip, country, practice_code
        """

    /// The representative with this CAF number (suffix ignored), or nil.
    public func representative(caf: CAFNumber) throws -> RepresentativeRecord? {
        try db.queryOne("SELECT \(Self.representativeColumns) FROM representative WHERE caf = ?", caf.storageKey)
            .map(representative(_:))
    }

    /// Every representative whose CAF record carries this TIN, by CAF number.
    public func representatives(tin: TIN) throws -> [RepresentativeRecord] {
        try db.query("SELECT \(Self.representativeColumns) FROM representative WHERE tin = ? ORDER BY caf", tin.description)
            .map(representative(_:))
    }

    /// The columns `authorization(_:)` reads, in order (prefixed `a.` where a join needs it).
    static func authorizationColumns(_ prefix: String = "") -> String {
        ["id", "form", "tin", "caf_text", "matters_json", "receive_notices", "designation", "status", "recorded_on",
         "revoked_on", "revoked_by"].map { prefix + $0 }.joined(separator: ", ")
    }

    /// The authorization with this id, or nil.
    public func authorization(id: String) throws -> CAFAuthorizationRecord? {
        try db.queryOne("SELECT \(Self.authorizationColumns()) FROM caf_authorization WHERE id = ?", id).map(authorization(_:))
    }

    /// Whether an active authorization of this taxpayer naming this CAF number covers `form` and
    /// `period` (TDS-103 passes when one does).
    public func isAuthorized(tin: TIN, caf: CAFNumber, form: String, period: TaxPeriod) throws -> Bool {
        try db.queryOne("""
            SELECT 1 FROM caf_coverage c JOIN caf_authorization a ON a.id = c.authorization_id
            WHERE c.tin = ? AND c.caf = ? AND c.form = ? AND c.period = ? AND a.status = 'active' LIMIT 1
            """, tin.description, caf.storageKey, form, period.description) != nil
    }

    /// The active authorizations of this form type for this taxpayer that cover any of the given
    /// (matter form, period) pairs, any representative, ordered by id: the ones a newly recorded
    /// authorization revokes unless it retains prior ones.
    public func activeAuthorizations(tin: TIN, formType: CAFAuthorizationRecord.Form,
                                     covering pairs: [(form: String, period: String)]) throws -> [CAFAuthorizationRecord] {
        var ids = Set<String>()
        for pair in pairs {
            ids.formUnion(try db.query("""
                SELECT a.id FROM caf_coverage c JOIN caf_authorization a ON a.id = c.authorization_id
                WHERE c.tin = ? AND c.form = ? AND c.period = ? AND a.form = ? AND a.status = 'active'
                """, tin.description, pair.form, pair.period, formType.rawValue).map { $0.string(0) })
        }
        return try ids.sorted().compactMap { try authorization(id: $0) }
    }

    /// Every active authorization of this taxpayer, ordered by id.
    public func activeAuthorizations(tin: TIN) throws -> [CAFAuthorizationRecord] {
        try db.query("SELECT \(Self.authorizationColumns()) FROM caf_authorization WHERE tin = ? AND status = 'active' ORDER BY id",
                     tin.description).map(authorization(_:))
    }

    /// Every active authorization naming the CAF number `caf`, with the channel it came by (nil for
    /// one imported with the reference data): a practitioner's client list.
    public func activeAuthorizations(naming caf: CAFNumber) throws -> [(CAFAuthorizationRecord, AuthorizationDocument.Channel?)] {
        try db.query("SELECT \(Self.authorizationColumns()), channel FROM caf_authorization WHERE caf = ? AND status = 'active' ORDER BY id",
                     caf.storageKey).map { row in
            (try authorization(row), row.optionalString(11).flatMap(AuthorizationDocument.Channel.init(rawValue:)))
        }
    }

    /// How many different representatives receive notice copies under this taxpayer's active
    /// authorizations, leaving out `excluding` (TPA-010 allows two).
    public func noticeRecipientCount(tin: TIN, excluding caf: CAFNumber? = nil) throws -> Int {
        try db.count("""
            SELECT COUNT(DISTINCT caf) FROM caf_authorization
            WHERE tin = ? AND status = 'active' AND receive_notices = 1 AND caf <> ?
            """, tin.description, caf?.storageKey ?? "")
    }

    // MARK: e-File application

    /// The columns `efileUser(_:)` reads, in order.
    static let efileColumns = "efin, firm, user_id, role, first_name, middle_name, last_name, name_suffix, tds"

    /// Every e-File application this user is on, by EFIN.
    public func efileMemberships(user: String) throws -> [EFileUserRecord] {
        try db.query("SELECT \(Self.efileColumns) FROM efile_user WHERE user_id = ? ORDER BY efin", user).map(efileUser(_:))
    }

    /// Everyone on the e-File application with this EFIN, by user id.
    public func efileMembers(efin: EFIN) throws -> [EFileUserRecord] {
        try db.query("SELECT \(Self.efileColumns) FROM efile_user WHERE efin = ? ORDER BY user_id", efin.description).map(efileUser(_:))
    }

    /// This user's membership of the application with this EFIN, or nil.
    public func efileMember(efin: EFIN, user: String) throws -> EFileUserRecord? {
        try db.queryOne("SELECT \(Self.efileColumns) FROM efile_user WHERE efin = ? AND user_id = ?", efin.description, user)
            .map(efileUser(_:))
    }

    // MARK: Rows to records

    func entity(_ row: SQLRow) -> EntityRecord {
        EntityRecord(tin: row.string(0), name: recordName(row, at: 1), address: recordAddress(row, at: 6))
    }

    func module(_ row: SQLRow) throws -> TaxModuleRecord {
        TaxModuleRecord(
            tin: row.string(0), form: row.string(1), period: row.string(2),
            returnInfo: try row.optionalString(3).map { text throws in try ModuleColumns.returnInfo(text) },
            balance: try money(row, 4, "balance"), accruedInterest: try money(row, 5, "accrued_interest"),
            accruedPenalty: try money(row, 6, "accrued_penalty"),
            transactions: try ModuleColumns.transactions(row.string(7)),
            incomeDocuments: try ModuleColumns.incomeDocuments(row.string(8)))
    }

    func representative(_ row: SQLRow) -> RepresentativeRecord {
        let digits = row.string(0)
        let caf = digits.prefix(4) + "-" + digits.dropFirst(4) + row.string(1)
        return RepresentativeRecord(caf: String(caf), name: recordName(row, at: 2), tin: row.optionalString(7),
                                    ptin: row.optionalString(8), address: recordAddress(row, at: 9), practiceCode: row.string(14))
    }

    func authorization(_ row: SQLRow) throws -> CAFAuthorizationRecord {
        CAFAuthorizationRecord(
            id: row.string(0), form: CAFAuthorizationRecord.Form(rawValue: row.string(1)) ?? .poa2848,
            tin: row.string(2), caf: row.string(3),
            matters: try decode([Matter].self, row.string(4)),
            receiveNotices: row.bool(5), designation: row.optionalString(6),
            status: CAFAuthorizationRecord.Status(rawValue: row.string(7)) ?? .active,
            recordedOn: row.string(8), revokedOn: row.optionalString(9), revokedBy: row.optionalString(10))
    }

    func efileUser(_ row: SQLRow) -> EFileUserRecord {
        EFileUserRecord(efin: row.string(0), firm: row.string(1), user: row.string(2),
                        role: EFileUserRecord.Role(rawValue: row.string(3)) ?? .delegate,
                        name: .person(first: row.string(4), middle: row.optionalString(5),
                                      last: row.string(6), suffix: row.optionalString(7)),
                        tds: row.bool(8))
    }

    private func money(_ row: SQLRow, _ index: Int, _ column: String) throws -> Money {
        guard let value = Money(row.string(index)) else { throw StoreCorruption("\(column) is not a decimal amount") }
        return value
    }
}

/// A stored value the schema should have made impossible.
public struct StoreCorruption: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
