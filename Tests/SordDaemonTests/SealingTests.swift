import Crypto
import Foundation
import Testing
@testable import SordDaemon
import SordCore
import SordSeal
import SordSpool
import SordStore

/// `Sealing` on a real SQLite database and real CMS: rows go in before their sealing finishes and
/// come out of the committed transaction sealed; the files open with the recipient's key.
@Suite("Sealing beside deciding")
struct SealingTests {
    /// A temporary database and a demo recipient (certificate and private key).
    struct World {
        let root: String
        let database: SordDatabase
        let certificate: RecipientCertificate
        let key: PrivateKey
        let ids = IDSource(clock: { Date() })

        init() throws {
            root = NSTemporaryDirectory() + "sord-sealing-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            database = try SordDatabase(path: root + "/sord.sqlite")
            let pki = try DemoPKI.initialize(in: URL(fileURLWithPath: root + "/pki"))
            let keyURL = URL(fileURLWithPath: root + "/dana.key")
            certificate = try pki.issueUserCertificate(commonName: "dana", keyType: .rsa3072, keyOut: keyURL,
                                                       certOut: URL(fileURLWithPath: root + "/dana.pem"))
            key = try PrivateKey(pem: Data(contentsOf: keyURL))
        }

        /// An outbox row as `Decider.stage` makes it: no sealed bytes yet.
        func row(cause: String) -> MailboxFileRecord {
            MailboxFileRecord(id: ids.next().rawValue, userId: "dana", kind: "transcript", format: "txt", submissionId: cause,
                              size: 0, sha256: "", sealed: nil, createdAt: "2026-12-01T00:00:00.000Z",
                              expiresAt: "2027-01-01T00:00:00.000Z")
        }

        func payload(_ index: Int) -> Data {
            Data("transcript \(index) ".utf8) + Data(repeating: UInt8(ascii: "x"), count: index * 37)
        }
    }

    @Test("rows inserted unsealed are committed with their sealed bytes, size and SHA-256; each opens to its payload")
    func rowsCommitSealed() throws {
        let world = try World()
        defer { try? FileManager.default.removeItem(atPath: world.root) }
        let rows = (0..<40).map { world.row(cause: "S-\($0 % 3)") }
        let returned = try world.database.write { db -> [MailboxFileRecord] in
            let sealing = Sealing()
            try MailboxFileRecord.insert(rows, in: db)
            for (index, row) in rows.enumerated() { sealing.start(world.payload(index), to: world.certificate, row: row.id) }
            // Inside the transaction the rows are there (the limits count them), still unsealed.
            #expect(try db.count("SELECT COUNT(*) FROM mailboxFiles WHERE sealed IS NULL") == rows.count)
            return try sealing.finish(rows, db: db)
        }
        #expect(returned.map(\.id) == rows.map(\.id), "in the order given")
        for (index, row) in rows.enumerated() {
            let stored = try #require(try world.database.read { db in
                try db.queryOne("SELECT sealed, size, sha256 FROM mailboxFiles WHERE id = ?", row.id)
            })
            let sealed = Data(try #require(stored.optionalBytes(0)))
            #expect(stored.int(1) == sealed.count)
            #expect(stored.string(2) == Hex.encode(SHA256.hash(data: sealed)))
            #expect(returned[index].sealed == sealed)
            #expect(try Unsealer.open(sealed, key: world.key, certificate: world.certificate) == world.payload(index))
        }
    }

    @Test("seals of a rolled-back decision are dropped: only the kept rows are written")
    func rolledBackRowsAreDropped() throws {
        let world = try World()
        defer { try? FileManager.default.removeItem(atPath: world.root) }
        let kept = world.row(cause: "S-kept")
        let rolledBack = world.row(cause: "S-failed")
        let returned = try world.database.write { db -> [MailboxFileRecord] in
            let sealing = Sealing()
            try MailboxFileRecord.insert([kept], in: db)
            sealing.start(world.payload(1), to: world.certificate, row: kept.id)
            // The failed submission's savepoint undid its row; its seal was started all the same.
            sealing.start(world.payload(2), to: world.certificate, row: rolledBack.id)
            return try sealing.finish([kept], db: db)
        }
        #expect(returned.map(\.id) == [kept.id])
        #expect(try world.database.read { db in try db.count("SELECT COUNT(*) FROM mailboxFiles") } == 1)
        let sealed = try #require(returned.first?.sealed)
        #expect(try Unsealer.open(sealed, key: world.key, certificate: world.certificate) == world.payload(1))
    }
}

@Suite("Inbox event buffer")
struct InboxEventBufferTests {
    @Test("the first event after a take asks for a wake; a take returns every event in order and empties the buffer")
    func addAndTake() {
        let buffer = InboxEventBuffer()
        let user = UserID("dana")!
        #expect(buffer.add(.file(user, "a.json")))
        #expect(!buffer.add(.writing(user, "b.csv")))
        #expect(!buffer.add(.file(user, "b.csv")))
        #expect(buffer.takeAll() == [.file(user, "a.json"), .writing(user, "b.csv"), .file(user, "b.csv")])
        #expect(buffer.takeAll().isEmpty)
        #expect(buffer.add(.rescan), "empty again: the next event needs a wake")
    }
}
