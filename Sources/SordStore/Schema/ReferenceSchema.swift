
/// The tables of the reference data (SPEC section 9): the Master File (`entity`, `tax_module`), the
/// CAF (`representative`, `caf_authorization`, `caf_coverage`) and the e-File application
/// (`efile_user`). They live in the same database as the journal so that a decision and its CAF
/// changes commit together.
///
/// There are no foreign keys between the Master File, the CAF and the e-File tables: they mirror
/// separate systems of record, imported in any order, and a rule treats a missing record as missing.
/// Only `caf_coverage` belongs to its authorization (deleted with it).
enum ReferenceSchema {
    static let migrations = [
        Migration("reference-v1", """
                CREATE TABLE entity (
                    tin TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('individual', 'business')),
                    first_name TEXT,
                    middle_name TEXT,
                    last_name TEXT,
                    name_suffix TEXT,
                    business_name TEXT,
                    name_control TEXT NOT NULL,
                    street TEXT NOT NULL,
                    city TEXT NOT NULL,
                    state TEXT NOT NULL,
                    zip TEXT NOT NULL,
                    country TEXT NOT NULL DEFAULT 'US',
                    has_online_account {int} NOT NULL DEFAULT 0
                ) {without_rowid};

                CREATE TABLE tax_module (
                    tin TEXT NOT NULL,
                    form TEXT NOT NULL,
                    period TEXT NOT NULL,
                    return_json TEXT,
                    return_filed {int} NOT NULL,
                    balance TEXT NOT NULL,
                    accrued_interest TEXT NOT NULL,
                    accrued_penalty TEXT NOT NULL,
                    transactions_json TEXT NOT NULL,
                    income_documents_json TEXT NOT NULL,
                    PRIMARY KEY (tin, form, period)
                ) {without_rowid};
                CREATE INDEX tax_module_by_tin_period ON tax_module (tin, period);

                CREATE TABLE representative (
                    caf TEXT PRIMARY KEY NOT NULL,
                    caf_suffix TEXT NOT NULL DEFAULT '',
                    first_name TEXT,
                    middle_name TEXT,
                    last_name TEXT,
                    name_suffix TEXT,
                    business_name TEXT,
                    tin TEXT,
                    ptin TEXT,
                    street TEXT NOT NULL,
                    city TEXT NOT NULL,
                    state TEXT NOT NULL,
                    zip TEXT NOT NULL,
                    country TEXT NOT NULL DEFAULT 'US',
                    practice_code TEXT NOT NULL DEFAULT ''
                ) {without_rowid};
                CREATE INDEX representative_by_tin ON representative (tin);

                CREATE TABLE caf_authorization (
                    id TEXT PRIMARY KEY NOT NULL,
                    form TEXT NOT NULL CHECK (form IN ('2848', '8821')),
                    tin TEXT NOT NULL,
                    caf TEXT NOT NULL,
                    caf_text TEXT NOT NULL,
                    matters_json TEXT NOT NULL,
                    receive_notices {int} NOT NULL DEFAULT 0,
                    designation TEXT,
                    status TEXT NOT NULL CHECK (status IN ('active', 'revoked', 'withdrawn')),
                    recorded_on TEXT NOT NULL,
                    revoked_on TEXT,
                    revoked_by TEXT
                );
                CREATE INDEX caf_authorization_by_tin ON caf_authorization (tin, form, status);
                CREATE INDEX caf_authorization_by_caf ON caf_authorization (caf, status);

                CREATE TABLE caf_coverage (
                    authorization_id TEXT NOT NULL REFERENCES caf_authorization (id) ON DELETE CASCADE,
                    tin TEXT NOT NULL,
                    caf TEXT NOT NULL,
                    form TEXT NOT NULL,
                    period TEXT NOT NULL,
                    PRIMARY KEY (tin, caf, form, period, authorization_id)
                ) {without_rowid};
                CREATE INDEX caf_coverage_by_authorization ON caf_coverage (authorization_id);

                CREATE TABLE efile_user (
                    efin TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    firm TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('principal', 'responsible-official', 'delegate')),
                    first_name TEXT NOT NULL,
                    middle_name TEXT,
                    last_name TEXT NOT NULL,
                    name_suffix TEXT,
                    tds {int} NOT NULL DEFAULT 0,
                    PRIMARY KEY (efin, user_id)
                ) {without_rowid};
                CREATE INDEX efile_user_by_user ON efile_user (user_id);
                """),
    ]
}
