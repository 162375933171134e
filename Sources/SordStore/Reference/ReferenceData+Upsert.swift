import GRDB
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
        let kind = (try? TIN(parsing: r.tin))?.isIndividual == false ? "business" : "individual"
        let arguments = StatementArguments([r.tin, kind] + nameColumns(r.name) + [
            r.name.nameControl?.value ?? "", r.address.street, r.address.city, r.address.state,
            r.address.zip, r.address.country ?? "US",
        ])
        return try insertOrUpdate(arguments, insert: """
            INSERT INTO entity (tin, kind, first_name, middle_name, last_name, name_suffix, business_name,
                name_control, street, city, state, zip, country)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tin) DO NOTHING
            """, update: """
            UPDATE entity SET kind = ?2, first_name = ?3, middle_name = ?4, last_name = ?5, name_suffix = ?6,
                business_name = ?7, name_control = ?8, street = ?9, city = ?10, state = ?11, zip = ?12,
                country = ?13
            WHERE tin = ?1
            """)
    }

    /// Inserts or replaces a tax module.
    @discardableResult
    public func upsert(_ r: TaxModuleRecord) throws -> UpsertOutcome {
        let arguments: StatementArguments = [
            r.tin, r.form, r.period, r.returnInfo.map(ReferenceJSON.text), r.returnFiled,
            r.balance.description, r.accruedInterest.description, r.accruedPenalty.description,
            ReferenceJSON.text(r.transactions), ReferenceJSON.text(r.incomeDocuments),
        ]
        return try insertOrUpdate(arguments, insert: """
            INSERT INTO tax_module (tin, form, period, return_json, return_filed, balance, accrued_interest,
                accrued_penalty, transactions_json, income_documents_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tin, form, period) DO NOTHING
            """, update: """
            UPDATE tax_module SET return_json = ?4, return_filed = ?5, balance = ?6, accrued_interest = ?7,
                accrued_penalty = ?8, transactions_json = ?9, income_documents_json = ?10
            WHERE tin = ?1 AND form = ?2 AND period = ?3
            """)
    }

    /// Inserts or replaces a CAF representative.
    @discardableResult
    public func upsert(_ r: RepresentativeRecord) throws -> UpsertOutcome {
        let caf = try CAFNumber(parsing: r.caf)
        let arguments = StatementArguments([caf.storageKey, caf.suffix.map(String.init) ?? ""] + nameColumns(r.name) + [
            r.tin, r.ptin, r.address.street, r.address.city, r.address.state, r.address.zip,
            r.address.country ?? "US", r.practiceCode,
        ])
        return try insertOrUpdate(arguments, insert: """
            INSERT INTO representative (caf, caf_suffix, first_name, middle_name, last_name, name_suffix,
                business_name, tin, ptin, street, city, state, zip, country, practice_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (caf) DO NOTHING
            """, update: """
            UPDATE representative SET caf_suffix = ?2, first_name = ?3, middle_name = ?4, last_name = ?5,
                name_suffix = ?6, business_name = ?7, tin = ?8, ptin = ?9, street = ?10, city = ?11,
                state = ?12, zip = ?13, country = ?14, practice_code = ?15
            WHERE caf = ?1
            """)
    }

    /// Inserts or replaces an authorization together with its coverage rows (one per matter form
    /// and period).
    @discardableResult
    public func upsert(_ r: CAFAuthorizationRecord) throws -> UpsertOutcome {
        let caf = try CAFNumber(parsing: r.caf).storageKey
        let arguments: StatementArguments = [
            r.id, r.form.rawValue, r.tin, caf, r.caf, ReferenceJSON.text(r.matters), r.receiveNotices, r.designation,
            r.status.rawValue, r.recordedOn, r.revokedOn, r.revokedBy,
        ]
        let outcome = try insertOrUpdate(arguments, insert: """
            INSERT INTO caf_authorization (id, form, tin, caf, caf_text, matters_json, receive_notices,
                designation, status, recorded_on, revoked_on, revoked_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
            """, update: """
            UPDATE caf_authorization SET form = ?2, tin = ?3, caf = ?4, caf_text = ?5, matters_json = ?6,
                receive_notices = ?7, designation = ?8, status = ?9, recorded_on = ?10, revoked_on = ?11,
                revoked_by = ?12
            WHERE id = ?1
            """)
        if outcome == .updated {
            try db.cachedStatement(sql: "DELETE FROM caf_coverage WHERE authorization_id = ?").execute(arguments: [r.id])
        }
        let coverage = try db.cachedStatement(sql: """
            INSERT INTO caf_coverage (authorization_id, tin, caf, form, period) VALUES (?, ?, ?, ?, ?)
            """)
        for pair in r.coverage {
            try coverage.execute(arguments: [r.id, r.tin, caf, pair.form, pair.period])
        }
        return outcome
    }

    /// Inserts or replaces an e-File application member.
    @discardableResult
    public func upsert(_ r: EFileUserRecord) throws -> UpsertOutcome {
        let name = nameColumns(r.name)
        let arguments = StatementArguments([r.efin, r.user, r.firm, r.role.rawValue] + name.prefix(4) + [r.tds])
        return try insertOrUpdate(arguments, insert: """
            INSERT INTO efile_user (efin, user_id, firm, role, first_name, middle_name, last_name, name_suffix, tds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (efin, user_id) DO NOTHING
            """, update: """
            UPDATE efile_user SET firm = ?3, role = ?4, first_name = ?5, middle_name = ?6, last_name = ?7,
                name_suffix = ?8, tds = ?9
            WHERE efin = ?1 AND user_id = ?2
            """)
    }

    /// Runs `insert` (which does nothing on a key conflict); when it inserted nothing, runs `update`
    /// with the same arguments.
    private func insertOrUpdate(_ arguments: StatementArguments, insert: String, update: String) throws -> UpsertOutcome {
        try db.cachedStatement(sql: insert).execute(arguments: arguments)
        if db.changesCount > 0 { return .inserted }
        try db.cachedStatement(sql: update).execute(arguments: arguments)
        return .updated
    }
}
