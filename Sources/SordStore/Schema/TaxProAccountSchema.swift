/// The pending Tax Pro Account requests (SPEC 5.1, 5.2): a request waits here from the
/// practitioner's submission until the taxpayer's `authorization-decision`. The request id is also
/// the id of the CAF authorization recorded on approval, so the practitioner follows one id.
enum TaxProAccountSchema {
    static let migrations = [
        Migration("tpa-v1", """
            CREATE TABLE tpaRequests (
                id TEXT PRIMARY KEY NOT NULL,
                submissionId TEXT NOT NULL,
                practitionerId TEXT NOT NULL,
                taxpayerUserId TEXT NOT NULL,
                form TEXT NOT NULL CHECK (form IN ('2848', '8821')),
                tin TEXT NOT NULL,
                caf TEXT NOT NULL,
                mattersJSON TEXT NOT NULL,
                receiveNotices {int} NOT NULL,
                designation TEXT,
                status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'not-processed')),
                createdAt TEXT NOT NULL,
                decidedAt TEXT,
                decisionSubmissionId TEXT
            );
            CREATE INDEX tpaRequests_by_taxpayer ON tpaRequests (taxpayerUserId, status);
            """),
    ]
}
