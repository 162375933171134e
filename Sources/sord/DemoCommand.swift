import ArgumentParser
import Foundation
import SordCore
import SordDaemon
import SordSeal
import SordSpool
import SordStore
#if canImport(Glibc)
import Glibc
#endif

/// `sord demo`: a self-contained tour on the configured spool. It creates demo users with keys,
/// starts the real daemon as a child process, drops documents into an inbox, waits for the sealed
/// acknowledgements, decrypts them, and prints what a user would type next.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a self-contained tour of sord on the configured spool.")

    @Option(help: "Folder for the demo users' keys and certificates.") var keys: String = "demo-keys"
    @Option(help: "Seconds to wait for each acknowledgement.") var timeout: Double = 60
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let (config, layout, database) = try options.open()
        let tour = DemoTour(config: config, configPath: options.config, layout: layout, database: database,
                            keysFolder: keys, timeout: timeout)
        try await tour.run()
    }
}

/// The steps of the demo, each printing what it did.
struct DemoTour {
    let config: SordConfig
    let configPath: String
    let layout: SpoolLayout
    let database: SordDatabase
    let keysFolder: String
    let timeout: Double

    struct DemoUser {
        let id: UserID
        let kind: UserRecord.Kind
        let first: String
        let last: String
        let tin: String
        let keyType: DemoPKI.KeyType
    }

    static let practitioner = DemoUser(id: UserID("dana.oak")!, kind: .practitioner, first: "Dana", last: "Oak",
                                       tin: "400-55-1234", keyType: .rsa3072)
    static let taxpayer = DemoUser(id: UserID("ralph.teak")!, kind: .taxpayer, first: "Ralph", last: "Teak",
                                   tin: "400-01-2345", keyType: .ecP256)

    func run() async throws {
        step("1. Demo PKI and users")
        let pki = try DemoPKI.initialize(in: URL(fileURLWithPath: layout.pki))
        print("   CA \(pki.caCertificateURL.path), server certificate \(pki.serverCertificateURL.path)")
        for user in [Self.practitioner, Self.taxpayer] { try ensure(user, pki: pki) }

        step("2. Start the daemon (sord run) as a child process")
        let daemon = try DaemonProcess.start(configPath: configPath, logPath: layout.state + "/demo-daemon.log")
        defer { daemon.stop() }
        print("   pid \(daemon.pid); its log: \(layout.state)/demo-daemon.log")

        step("3. Drop documents into \(layout.inbox(Self.practitioner.id))/")
        let request = """
            {"type":"transcript-request","clientRef":"demo-\(Int(Date().timeIntervalSince1970))",
             "requests":[{"tin":"400-01-2345","nameControl":"TEAK","product":"account","form":"1040","periods":["2024"]}]}
            """
        let broken = "{\"type\": \"transcript-request\", \"requests\": [ {\"tin\": 4000123 } ] }"
        let drops = [("demo-request.json", request), ("demo-broken.json", broken), ("demo-notes.txt", "hello")]
        let drop = InboxDrop(layout: layout)
        var names: [String] = []
        for (name, text) in drops {
            let used = try drop.drop(Data(text.utf8), as: name, user: Self.practitioner.id)
            names.append(used)
            print("   dropped \(used)")
        }

        step("4. Wait for the sealed acknowledgements and open them")
        let access = MailboxAccess(database: database, layout: layout)
        let key = try PrivateKey(pem: Data(contentsOf: keyURL(Self.practitioner.id)))
        for name in names {
            let (entry, ack) = try await waitForAck(fileName: name, access: access, key: key)
            let status = (ack["status"] as? String) ?? "?"
            let codes = ((ack["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
            print("   \(name): \(status)\(codes.isEmpty ? "" : " " + codes.joined(separator: ", "))  → \(entry.name)")
        }
        if let first = try access.list(user: Self.practitioner.id).files.first(where: { $0.kind == "ack" }),
           let path = MailboxWriter(layout: layout).path(user: Self.practitioner.id, name: MailboxFileName(first.name)!) {
            step("5. The newest ack, opened with stock openssl")
            print("   openssl cms -decrypt -inform DER -in \(path) -recip \(certURL(Self.practitioner.id).path) -inkey \(keyURL(Self.practitioner.id).path) | gunzip")
            let sealed = try Data(contentsOf: URL(fileURLWithPath: path))
            print(String(decoding: try Unsealer.open(sealed, key: key, certificate: nil), as: UTF8.self))
        }

        step("Next steps")
        let c = configPath == "config/sord.toml" ? "" : " --config \(configPath)"
        print("""
               sord mailbox list --user \(Self.practitioner.id)\(c)
               sord mailbox fetch --user \(Self.practitioner.id) FILEID\(c)
               sord open FILE.p7m --key \(keyURL(Self.practitioner.id).path) --cert \(certURL(Self.practitioner.id).path)
               sord submit --user \(Self.practitioner.id) my-request.json\(c)
               sord status\(c)
               sord codes
               sord run\(c)        # the daemon in the foreground
            """)
    }

    private func step(_ title: String) {
        print("\n== \(title)")
    }

    private func keyURL(_ id: UserID) -> URL { URL(fileURLWithPath: keysFolder).appendingPathComponent("\(id).key") }
    private func certURL(_ id: UserID) -> URL { URL(fileURLWithPath: keysFolder).appendingPathComponent("\(id).pem") }

    /// Adds the user (and their key pair) unless they already exist with a key in the keys folder.
    private func ensure(_ user: DemoUser, pki: DemoPKI) throws {
        let exists = try database.pool.read { db in try UserRecord.exists(db, key: user.id.rawValue) }
        if exists && FileManager.default.fileExists(atPath: keyURL(user.id).path) {
            print("   \(user.kind.rawValue) \(user.id) already exists")
            try layout.createUserFolders(user.id)
            return
        }
        try Durable.makeDirectory(keysFolder)
        let certificate = try pki.issueUserCertificate(commonName: user.id.rawValue, keyType: user.keyType,
                                                       keyOut: keyURL(user.id), certOut: certURL(user.id))
        let now = Timestamp.iso(Date())
        try database.pool.write { db in
            if var existing = try UserRecord.fetchOne(db, key: user.id.rawValue) {
                existing.certPEM = certificate.pem
                existing.certFingerprint = certificate.sha256Fingerprint
                existing.updatedAt = now
                try existing.update(db)
            } else {
                try UserRecord(id: user.id.rawValue, kind: user.kind, first: user.first, middle: nil, last: user.last, suffix: nil,
                               tin: user.tin, ptin: nil, caf: nil, state: .active, certPEM: certificate.pem,
                               certFingerprint: certificate.sha256Fingerprint, createdAt: now).insert(db)
            }
            try AuditLog.append(db, at: now, actor: "demo", action: "user.added", subject: user.id.rawValue)
        }
        try layout.createUserFolders(user.id)
        print("   \(user.kind.rawValue) \(user.id): key \(keyURL(user.id).path) (\(certificate.keyDescription))")
    }

    /// Polls the mailbox until an ack for `fileName` appears; returns it decrypted.
    private func waitForAck(fileName: String, access: MailboxAccess, key: PrivateKey) async throws -> (MailboxEntry, [String: Any]) {
        let deadline = Date().addingTimeInterval(timeout)
        let writer = MailboxWriter(layout: layout)
        var seen = Set<String>()
        while Date() < deadline {
            for entry in try access.list(user: Self.practitioner.id).files where entry.kind == "ack" && !seen.contains(entry.id) {
                seen.insert(entry.id)
                guard let path = writer.path(user: Self.practitioner.id, name: MailboxFileName(entry.name)!) else { continue }
                let plain = try Unsealer.open(Data(contentsOf: URL(fileURLWithPath: path)), key: key, certificate: nil)
                if let ack = try JSONSerialization.jsonObject(with: plain) as? [String: Any], ack["file"] as? String == fileName {
                    return (entry, ack)
                }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("no acknowledgement for \(fileName) within \(Int(timeout)) s; see the daemon log")
    }
}

/// The daemon (`sord run`) as a child process of this one.
struct DaemonProcess {
    let process: Process
    var pid: Int32 { process.processIdentifier }

    static func start(configPath: String, logPath: String) throws -> DaemonProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["run", "--config", configPath]
        FileManager.default.createFile(atPath: logPath, contents: nil, attributes: [.posixPermissions: 0o600])
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        return DaemonProcess(process: process)
    }

    /// SIGTERM, then wait for it to exit.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }
}
