import ArgumentParser
import Foundation
import SordCore
import SordDaemon
import SordSeal
import SordSpool
import SordStore

/// `sord user add|list|show|disable|rotate-cert`: the operator's user management (SPEC section 2).
struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage users.", subcommands: [Add.self, List.self, Show.self, Disable.self, RotateCert.self])

    /// Where the user's certificate comes from: a PEM file, or a new key and demo-CA certificate.
    struct CertificateSource: ParsableArguments {
        @Option(help: "Register this existing certificate (PEM).") var cert: String?
        @Option(name: .customLong("generate-key"), help: "Create DIR/ID.key and DIR/ID.pem signed by the demo CA.")
        var generateKey: String?
        @Option(name: .customLong("key-type"), help: "Key for --generate-key: rsa (RSA-3072) or ec (P-256).")
        var keyType: String = "rsa"

        func validate() throws {
            guard (cert == nil) != (generateKey == nil) else { throw ValidationError("give exactly one of --cert PEM or --generate-key DIR") }
            guard ["rsa", "ec"].contains(keyType) else { throw ValidationError("--key-type must be rsa or ec") }
        }

        /// The certificate, creating the key pair (and the demo PKI when missing) if asked to.
        func certificate(for id: UserID, layout: SpoolLayout) throws -> RecipientCertificate {
            if let cert {
                return try RecipientCertificate(pem: Data(contentsOf: URL(fileURLWithPath: cert)))
            }
            let dir = URL(fileURLWithPath: generateKey!)
            try Durable.makeDirectory(dir.path)
            let pki = try DemoPKI.initialize(in: URL(fileURLWithPath: layout.pki))
            let keyOut = dir.appendingPathComponent("\(id).key")
            let certOut = dir.appendingPathComponent("\(id).pem")
            let issued = try pki.issueUserCertificate(commonName: id.rawValue, keyType: keyType == "ec" ? .ecP256 : .rsa3072,
                                                      keyOut: keyOut, certOut: certOut)
            print("wrote \(keyOut.path) and \(certOut.path)")
            return issued
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user, with their inbox and mailbox folders.")

        @Argument(help: "User id: ^[a-z][a-z0-9._-]{2,31}$") var id: String
        @Option(help: "practitioner, taxpayer or staff") var kind: String
        @Option var first: String
        @Option var middle: String?
        @Option var last: String
        @Option var suffix: String?
        @Option(help: "SSN or ITIN, dashed (NNN-NN-NNNN).") var tin: String
        @Option(help: "PTIN (P + 8 digits), practitioners only.") var ptin: String?
        @Option(help: "CAF number to link, practitioners only (same rules as a caf-link document).") var caf: String?
        @OptionGroup var source: CertificateSource
        @OptionGroup var options: ConfigOption

        func run() throws {
            guard let userID = UserID(id) else { throw ValidationError("user id must match ^[a-z][a-z0-9._-]{2,31}$") }
            guard let userKind = UserRecord.Kind(rawValue: kind) else { throw ValidationError("--kind must be practitioner, taxpayer or staff") }
            let parsedTIN: TIN
            do { parsedTIN = try TIN(parsing: tin) } catch { throw ValidationError("--tin: \(error)") }
            guard parsedTIN.isIndividual else { throw ValidationError("--tin must be an SSN or ITIN, not an EIN") }
            let name = PersonName(first: first, middle: middle, last: last, suffix: suffix)
            if let violation = name.cafLengthViolations.first { throw ValidationError("name: \(violation)") }
            var ptinText: String?
            if let ptin {
                guard userKind == .practitioner else { throw ValidationError("--ptin is for practitioners") }
                do { ptinText = try PTIN(parsing: ptin).description } catch { throw ValidationError("--ptin: \(error)") }
            }
            let (_, layout, database) = try options.open()
            if try database.read({ db in try UserRecord.find(id, in: db) }) != nil {
                throw ValidationError("user \(id) already exists")
            }
            var linkedCAF: String?
            if let caf {
                guard userKind == .practitioner else { throw ValidationError("--caf is for practitioners") }
                linkedCAF = try CAFLinkCheck.verify(caf: caf, tin: parsedTIN, name: name, user: id, database: database)
            }
            let certificate = try source.certificate(for: userID, layout: layout)
            let now = Timestamp.iso(Date())
            let record = UserRecord(id: id, kind: userKind, first: first, middle: middle, last: last, suffix: suffix,
                                    tin: parsedTIN.description, ptin: ptinText, caf: linkedCAF, state: .active,
                                    certPEM: certificate.pem, certFingerprint: certificate.sha256Fingerprint, createdAt: now)
            try database.write { db in
                try record.insert(in: db)
                try AuditLog.append(db, at: now, actor: "operator", action: "user.added", subject: id,
                                    detail: ["kind": kind, "certificate": certificate.sha256Fingerprint])
            }
            let config = try options.load()
            try layout.createUserFolders(userID, inboxMode: mode_t(config.inboxMode))
            print("added \(userKind.rawValue) \(id) (certificate \(certificate.keyDescription), sha256 \(certificate.sha256Fingerprint))")
            print("inbox: \(layout.inbox(userID))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var options: ConfigOption

        func run() throws {
            let (_, _, database) = try options.open()
            let users = try database.read { db in try UserRecord.all(in: db) }
            for user in users {
                print("\(user.id)\t\(user.kind.rawValue)\t\(user.state.rawValue)\tcaf=\(user.caf ?? "-")")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one user (TIN masked).")
        @Argument var id: String
        @OptionGroup var options: ConfigOption

        func run() throws {
            let (_, _, database) = try options.open()
            guard let user = try database.read({ db in try UserRecord.find(id, in: db) }) else {
                throw ValidationError("no user \(id)")
            }
            let certificate = try RecipientCertificate(pem: user.certPEM)
            print("id:          \(user.id)")
            print("kind:        \(user.kind.rawValue)")
            print("state:       \(user.state.rawValue)")
            print("name:        \([user.first, user.middle, user.last, user.suffix].compactMap { $0 }.joined(separator: " "))")
            print("tin:         \((try? TIN(parsing: user.tin)).map(Masking.tin) ?? "-")")
            print("ptin:        \(user.ptin ?? "-")")
            print("caf:         \(user.caf ?? "-")")
            print("certificate: \(certificate.keyDescription), \(certificate.subject), until \(Timestamp.iso(certificate.notAfter))")
            print("sha256:      \(user.certFingerprint)")
            print("created:     \(user.createdAt)")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: their files are left alone and the API refuses them.")
        @Argument var id: String
        @OptionGroup var options: ConfigOption

        func run() throws {
            let (_, _, database) = try options.open()
            let now = Timestamp.iso(Date())
            let changed = try database.write { db -> Bool in
                guard var user = try UserRecord.find(id, in: db) else { return false }
                user.state = .disabled
                user.updatedAt = now
                try user.update(in: db)
                try AuditLog.append(db, at: now, actor: "operator", action: "user.disabled", subject: id)
                return true
            }
            guard changed else { throw ValidationError("no user \(id)") }
            print("disabled \(id)")
        }
    }

    struct RotateCert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-cert", abstract: "Replace a user's certificate; files sealed before stay readable with the old key.")
        @Argument var id: String
        @OptionGroup var source: CertificateSource
        @OptionGroup var options: ConfigOption

        func run() throws {
            guard let userID = UserID(id) else { throw ValidationError("no user \(id)") }
            let (_, layout, database) = try options.open()
            guard try database.read({ db in try UserRecord.find(id, in: db) }) != nil else { throw ValidationError("no user \(id)") }
            let certificate = try source.certificate(for: userID, layout: layout)
            let now = Timestamp.iso(Date())
            try database.write { db in
                guard var user = try UserRecord.find(id, in: db) else { return }
                let old = user.certFingerprint
                user.certPEM = certificate.pem
                user.certFingerprint = certificate.sha256Fingerprint
                user.updatedAt = now
                try user.update(in: db)
                try AuditLog.append(db, at: now, actor: "operator", action: "user.certificate-rotated", subject: id,
                                    detail: ["old": old, "new": certificate.sha256Fingerprint])
            }
            print("rotated \(id): sha256 \(certificate.sha256Fingerprint)")
        }
    }
}
