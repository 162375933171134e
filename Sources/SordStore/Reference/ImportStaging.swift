import Foundation
import SordCore

/// The staging tables of one import run (`import_<table>`, keyed by run and record key): records
/// are staged in short transactions, then merged into the live tables in one.
struct ImportStaging {
    /// This run's id (random hex), the first column of every staging row.
    let run: String

    /// Each record kind's live table.
    static let tables: [(kind: ReferenceRecord.Kind, table: RecordTable)] = [
        (.entity, .entity), (.module, .module), (.representative, .representative),
        (.cafAuthorization, .authorization), (.efileUser, .efileUser),
    ]

    /// Registers the run, removing staging rows of runs that died more than a day ago.
    func begin(in db: any SQLSession) throws {
        let dayAgo = Timestamp.iso(Date().addingTimeInterval(-86_400))
        for stale in try db.query("SELECT run FROM import_runs WHERE started_at < ?", dayAgo) {
            try Self.delete(run: stale.string(0), in: db)
        }
        try db.execute("INSERT INTO import_runs (run, started_at) VALUES (?, ?)", run, Timestamp.iso(Date()))
    }

    /// Stages `records`; a key staged again replaces the earlier line (the later line wins, as an
    /// update would).
    func stage(_ records: [ReferenceRecord], in db: any SQLSession) throws {
        var rows: [String: [[SQLValue]: [SQLValue]]] = [:]  // table → key values → row, later lines win
        var order: [String: [[SQLValue]]] = [:]
        var coverage: [String: [[SQLValue]]] = [:]  // authorization id → coverage rows
        for record in records {
            let (table, values) = try Self.row(record)
            let key = Array(values.prefix(table.key.count))
            if rows[table.name, default: [:]].updateValue(values, forKey: key) == nil { order[table.name, default: []].append(key) }
            if case .cafAuthorization(let authorization) = record { coverage[authorization.id] = try RecordTable.coverage(authorization) }
        }
        for (_, table) in Self.tables {
            guard let keys = order[table.name] else { continue }
            let staged = keys.map { [run.sqlValue] + rows[table.name]![$0]! }
            try db.insert(staged, into: "import_" + table.name, columns: ["run"] + table.columns,
                          conflict: "ON CONFLICT (run, \(table.key.joined(separator: ", "))) DO UPDATE SET "
                           + table.columns.dropFirst(table.key.count).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        }
        for (id, pairs) in coverage.sorted(by: { $0.key < $1.key }) {
            try db.execute("DELETE FROM import_caf_coverage WHERE run = ? AND authorization_id = ?", run, id)
            try db.insert(pairs.map { [run.sqlValue] + $0 }, into: "import_caf_coverage",
                          columns: ["run", "authorization_id", "tin", "caf", "form", "period"], conflict: "ON CONFLICT DO NOTHING")
        }
    }

    /// Merges the staged records into the live tables and empties the staging; returns how many
    /// records of each kind were new (the rest replaced records with the same key).
    func merge(in db: any SQLSession) throws -> [ReferenceRecord.Kind: Int] {
        var inserted: [ReferenceRecord.Kind: Int] = [:]
        for (kind, table) in Self.tables {
            let match = table.key.map { "l.\($0) = s.\($0)" }.joined(separator: " AND ")
            inserted[kind] = try db.count("""
                SELECT COUNT(*) FROM import_\(table.name) s WHERE s.run = ? AND NOT EXISTS (SELECT 1 FROM \(table.name) l WHERE \(match))
                """, run)
            let columns = table.columns.joined(separator: ", ")
            try db.execute("""
                INSERT INTO \(table.name) (\(columns)) SELECT \(columns) FROM import_\(table.name) WHERE run = ?
                ON CONFLICT (\(table.key.joined(separator: ", "))) DO UPDATE SET \
                \(table.columns.dropFirst(table.key.count).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
                """, run)
        }
        try db.execute("""
            DELETE FROM caf_coverage WHERE authorization_id IN (SELECT id FROM import_caf_authorization WHERE run = ?)
            """, run)
        try db.execute("""
            INSERT INTO caf_coverage (authorization_id, tin, caf, form, period)
            SELECT authorization_id, tin, caf, form, period FROM import_caf_coverage WHERE run = ? ON CONFLICT DO NOTHING
            """, run)
        try discard(in: db)
        return inserted
    }

    /// Removes this run's staging rows.
    func discard(in db: any SQLSession) throws {
        try Self.delete(run: run, in: db)
    }

    private static func delete(run: String, in db: any SQLSession) throws {
        for (_, table) in tables { try db.execute("DELETE FROM import_\(table.name) WHERE run = ?", run) }
        try db.execute("DELETE FROM import_caf_coverage WHERE run = ?", run)
        try db.execute("DELETE FROM import_runs WHERE run = ?", run)
    }

    /// A record's live table and its column values.
    private static func row(_ record: ReferenceRecord) throws -> (RecordTable, [SQLValue]) {
        switch record {
        case .entity(let r): (.entity, RecordTable.values(r))
        case .module(let r): (.module, RecordTable.values(r))
        case .representative(let r): (.representative, try RecordTable.values(r))
        case .cafAuthorization(let r): (.authorization, try RecordTable.values(r))
        case .efileUser(let r): (.efileUser, RecordTable.values(r))
        }
    }

    /// The staging tables, as a migration: each live table's columns behind a `run` column.
    static var migration: Migration {
        Migration("import-staging-v1", """
            CREATE TABLE import_runs (run TEXT PRIMARY KEY NOT NULL, started_at TEXT NOT NULL);
            CREATE TABLE import_entity (run TEXT NOT NULL, tin TEXT NOT NULL, kind TEXT NOT NULL, first_name TEXT, middle_name TEXT,
                last_name TEXT, name_suffix TEXT, business_name TEXT, name_control TEXT NOT NULL, street TEXT NOT NULL,
                city TEXT NOT NULL, state TEXT NOT NULL, zip TEXT NOT NULL, country TEXT NOT NULL, PRIMARY KEY (run, tin));
            CREATE TABLE import_tax_module (run TEXT NOT NULL, tin TEXT NOT NULL, form TEXT NOT NULL, period TEXT NOT NULL,
                return_json TEXT, return_filed {int} NOT NULL, balance TEXT NOT NULL, accrued_interest TEXT NOT NULL,
                accrued_penalty TEXT NOT NULL, transactions_json TEXT NOT NULL, income_documents_json TEXT NOT NULL,
                PRIMARY KEY (run, tin, form, period));
            CREATE TABLE import_representative (run TEXT NOT NULL, caf TEXT NOT NULL, caf_suffix TEXT NOT NULL, first_name TEXT,
                middle_name TEXT, last_name TEXT, name_suffix TEXT, business_name TEXT, tin TEXT, ptin TEXT, street TEXT NOT NULL,
                city TEXT NOT NULL, state TEXT NOT NULL, zip TEXT NOT NULL, country TEXT NOT NULL, practice_code TEXT NOT NULL,
                PRIMARY KEY (run, caf));
            CREATE TABLE import_caf_authorization (run TEXT NOT NULL, id TEXT NOT NULL, form TEXT NOT NULL, tin TEXT NOT NULL,
                caf TEXT NOT NULL, caf_text TEXT NOT NULL, matters_json TEXT NOT NULL, receive_notices {int} NOT NULL,
                designation TEXT, status TEXT NOT NULL, recorded_on TEXT NOT NULL, revoked_on TEXT, revoked_by TEXT,
                PRIMARY KEY (run, id));
            CREATE TABLE import_caf_coverage (run TEXT NOT NULL, authorization_id TEXT NOT NULL, tin TEXT NOT NULL,
                caf TEXT NOT NULL, form TEXT NOT NULL, period TEXT NOT NULL,
                PRIMARY KEY (run, authorization_id, tin, caf, form, period));
            CREATE TABLE import_efile_user (run TEXT NOT NULL, efin TEXT NOT NULL, user_id TEXT NOT NULL, firm TEXT NOT NULL,
                role TEXT NOT NULL, first_name TEXT, middle_name TEXT, last_name TEXT, name_suffix TEXT, tds {int} NOT NULL,
                PRIMARY KEY (run, efin, user_id));
            """)
    }
}
