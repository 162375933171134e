/// The tables of the account side (SPEC 12): payments and payment plans made through sord, secure
/// messages, the channel an authorization came by (for the client list), and the `expired` status
/// of Tax Pro Account requests.
enum AccountSchema {
    static let migrations = [
        Migration("account-v1", """
            CREATE TABLE payments (
                id TEXT PRIMARY KEY NOT NULL,
                sequence {int} NOT NULL UNIQUE,
                confirmationNumber TEXT NOT NULL UNIQUE,
                requester TEXT NOT NULL,
                tin TEXT NOT NULL,
                form TEXT NOT NULL,
                period TEXT NOT NULL,
                reason TEXT NOT NULL,
                amount TEXT NOT NULL,
                date TEXT NOT NULL,
                routingNumber TEXT NOT NULL,
                accountNumber TEXT NOT NULL,
                accountType TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('scheduled', 'processed', 'cancelled')),
                createdAt TEXT NOT NULL
            );
            CREATE INDEX payments_by_tin ON payments (tin, createdAt);
            CREATE INDEX payments_due ON payments (status, date);
            CREATE TABLE payment_plans (
                id TEXT PRIMARY KEY NOT NULL,
                requester TEXT NOT NULL,
                tin TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('long-term', 'short-term')),
                monthlyPayment TEXT,
                dueDay {int},
                payBy TEXT,
                routingNumber TEXT,
                accountNumber TEXT,
                accountType TEXT,
                periods TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('active', 'completed')),
                establishedOn TEXT NOT NULL,
                fee TEXT NOT NULL,
                scheduleStart TEXT NOT NULL,
                lastDebitOn TEXT
            );
            CREATE INDEX payment_plans_by_tin ON payment_plans (tin, status);
            CREATE TABLE secure_messages (
                id TEXT PRIMARY KEY NOT NULL,
                thread TEXT NOT NULL,
                sender TEXT NOT NULL,
                recipient TEXT NOT NULL,
                tin TEXT NOT NULL,
                form TEXT NOT NULL,
                period TEXT NOT NULL,
                subject TEXT NOT NULL,
                createdAt TEXT NOT NULL
            );
            ALTER TABLE caf_authorization ADD COLUMN channel TEXT;
            """),
        Migration("tpa-expired-v1", sqlite: """
            CREATE TABLE tpaRequests_v2 (
                id TEXT PRIMARY KEY NOT NULL,
                submissionId TEXT NOT NULL,
                practitionerId TEXT NOT NULL,
                taxpayerUserId TEXT NOT NULL,
                form TEXT NOT NULL CHECK (form IN ('2848', '8821')),
                tin TEXT NOT NULL,
                caf TEXT NOT NULL,
                mattersJSON TEXT NOT NULL,
                receiveNotices INTEGER NOT NULL,
                designation TEXT,
                status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'not-processed', 'expired')),
                createdAt TEXT NOT NULL,
                decidedAt TEXT,
                decisionSubmissionId TEXT
            );
            INSERT INTO tpaRequests_v2 SELECT * FROM tpaRequests;
            DROP TABLE tpaRequests;
            ALTER TABLE tpaRequests_v2 RENAME TO tpaRequests;
            CREATE INDEX tpaRequests_by_taxpayer ON tpaRequests (taxpayerUserId, status);
            CREATE INDEX tpaRequests_by_practitioner ON tpaRequests (practitionerId, createdAt);
            CREATE INDEX tpaRequests_pending ON tpaRequests (status, createdAt);
            """, postgres: """
            ALTER TABLE tpaRequests DROP CONSTRAINT tparequests_status_check;
            ALTER TABLE tpaRequests ADD CONSTRAINT tparequests_status_check
                CHECK (status IN ('pending', 'approved', 'rejected', 'not-processed', 'expired'));
            CREATE INDEX tpaRequests_by_practitioner ON tpaRequests (practitionerId, createdAt);
            CREATE INDEX tpaRequests_pending ON tpaRequests (status, createdAt);
            """),
    ]
}
