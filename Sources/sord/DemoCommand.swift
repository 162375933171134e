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
final class DemoTour {
    let config: SordConfig
    let configPath: String
    let layout: SpoolLayout
    let database: SordDatabase
    let keysFolder: String
    let timeout: Double
    /// Mailbox files already matched by a wait (each is reported once).
    private var seen = Set<String>()

    init(config: SordConfig, configPath: String, layout: SpoolLayout, database: SordDatabase, keysFolder: String, timeout: Double) {
        self.config = config
        self.configPath = configPath
        self.layout = layout
        self.database = database
        self.keysFolder = keysFolder
        self.timeout = timeout
    }

    func run() async throws {
        let today = Date()
        let latestYear = Calendar(identifier: .gregorian).component(.year, from: today) - 1

        step("1. Reference data, PKI and users")
        let dataset = SyntheticDataset(taxpayers: 400, seed: 7, latestTaxYear: latestYear)
        let scenario = try SyntheticScenario.prepare(dataset: dataset, database: database, layout: layout, keysFolder: keysFolder)
        print("   imported \(dataset.taxpayers) synthetic taxpayers, their tax modules, \(dataset.representativeCount) CAF representatives and e-File firms")
        print("   demo CA and server certificate in \(layout.pki)/")
        let practitioner = scenario.practitioner
        print("   practitioner \(practitioner) (CAF \(scenario.representative.record.caf), TDS on an e-File application): key \(scenario.keyURL.path)")
        let chosen = try demoTaxpayers(dataset, excludingCAF: scenario.representative.record.caf)
        guard chosen.count >= 2 else { throw SordCLIError("the synthetic data has no suitable taxpayers") }
        let candidates = chosen.map(\.entity)
        let modules = chosen[0].modules
        let (taxpayer, taxpayerRecord) = try ensureTaxpayerUser(candidates[0])
        print("   taxpayer \(taxpayer) with an online account: key \(keyURL(taxpayer).path)")

        step("2. Start the daemon (sord run) as a child process")
        let daemon = try DaemonProcess.start(configPath: configPath, logPath: layout.state + "/demo-daemon.log")
        defer { daemon.stop() }
        print("   pid \(daemon.pid); log \(layout.state)/demo-daemon.log")
        let practitionerKey = try PrivateKey(pem: Data(contentsOf: scenario.keyURL))
        let taxpayerKey = try PrivateKey(pem: Data(contentsOf: keyURL(taxpayer)))
        let stamp = Int(today.timeIntervalSince1970)

        step("3. Tax Pro Account: \(practitioner) asks \(taxpayer) for a Form 8821")
        let tpa = DemoDocuments.taxProAccountRequest(taxpayer: taxpayerRecord, representative: scenario.representative,
                                                     years: [latestYear - 1, latestYear], clientRef: "demo-tpa-\(stamp)")
        let tpaAck = try await submit(tpa, as: "tpa-\(stamp).json", user: practitioner, key: practitionerKey)
        var approved = false
        if let request = try await waitForFile(kind: "request", user: taxpayer, key: taxpayerKey, matching: { _ in true }) {
            let requestID = (request["request"] as? String) ?? ""
            print("   \(taxpayer)'s mailbox got the request \(requestID); the taxpayer approves it")
            let decision = Data(#"{"type":"authorization-decision","request":"\#(requestID)","decision":"approve"}"#.utf8)
            let decisionAck = try await submit(decision, as: "decision-\(stamp).json", user: taxpayer, key: taxpayerKey)
            approved = decisionAck["status"] as? String == "accepted"
            if let note = try await waitForFile(kind: "notification", user: practitioner, key: practitionerKey, matching: { _ in true }) {
                print("   \(practitioner) is notified: \(note["event"] as? String ?? "notification")")
            }
        } else {
            print("   (no request file arrived: \(DemoTour.codes(tpaAck)))")
        }

        step("4. Upload a signed Form 2848 for another client")
        let upload = DemoDocuments.upload2848(taxpayer: candidates[1], representative: scenario.representative,
                                              years: [latestYear], signedOn: Timestamp.day(today), clientRef: "demo-2848-\(stamp)")
        _ = try await submit(upload, as: "poa-\(stamp).json", user: practitioner, key: practitionerKey)

        step("5. A TDS transcript request: authorized items and one the practitioner is not authorized for")
        var items = Array(scenario.authorizedItems.prefix(2))
        if approved, case .person(_, _, let last, _) = taxpayerRecord.name, let control = try? NameControl.person(lastName: last) {
            items.append(.init(tin: taxpayerRecord.tin, nameControl: control.value, form: "1040", period: String(latestYear)))
        }
        if let stranger = candidates.last, case .person(_, _, let last, _) = stranger.name,
           let control = try? NameControl.person(lastName: last) {
            items.append(.init(tin: stranger.tin, nameControl: control.value, form: "1040", period: String(latestYear)))
        }
        let tdsAck = try await submit(SyntheticScenario.transcriptRequest(items, clientRef: "demo-tds-\(stamp)"),
                                      as: "tds-\(stamp).json", user: practitioner, key: practitionerKey)
        for item in (tdsAck["items"] as? [[String: Any]]) ?? [] {
            let files = (item["files"] as? [String]) ?? []
            print("   item \(item["index"] ?? "?"): \(item["status"] ?? "?") \(DemoTour.codes(item).joined(separator: ", ")) \(files.joined(separator: " "))")
        }
        if let transcript = try newestFile(kind: "transcript", user: practitioner) {
            print("   a transcript, masked, opened with the practitioner's key:")
            let text = String(decoding: try Unsealer.open(Data(contentsOf: URL(fileURLWithPath: transcript)), key: practitionerKey, certificate: nil), as: UTF8.self)
            print(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(24).map { "     | " + $0 }.joined(separator: "\n"))
        }

        step("6. The account: the practitioner's client list, the taxpayer's account summary")
        let clients = try await openView(Data(#"{"type":"client-list","format":"json","clientRef":"demo-clients-\#(stamp)"}"#.utf8), as: "clients-\(stamp).json",
                                       user: practitioner, key: practitionerKey)
        let listed = (clients?["authorizations"] as? [[String: Any]]) ?? []
        print("   \(practitioner)'s client list: \(listed.count) active authorizations, the newest:")
        for entry in listed.prefix(3) {
            let taxpayer = entry["taxpayer"] as? [String: Any]
            print("     \(entry["form"] ?? "") \(entry["meaning"] ?? "")  \(taxpayer?["tin"] ?? "")  recorded \(entry["recordedOn"] ?? "")")
        }
        var control = ""
        if case .person(_, _, let last, _) = taxpayerRecord.name { control = (try? NameControl.person(lastName: last))?.value ?? "" }
        let periods = modules.filter { $0.form == "1040" }.map(\.period).sorted(by: >)
        func summary(_ name: String) async throws -> [[String: Any]] {
            let document: [String: Any] = ["type": "account-summary", "tin": taxpayerRecord.tin, "nameControl": control, "form": "1040",
                                           "periods": periods, "format": "json", "clientRef": "demo-\(name)"]
            let opened = try await openView(try JSONSerialization.data(withJSONObject: document), as: name, user: taxpayer, key: taxpayerKey)
            let rows = (opened?["periods"] as? [[String: Any]]) ?? []
            for row in rows {
                let audit = (row["audit"] as? [String: Any])?["status"] ?? row["audit"] ?? "none"
                print("     \(row["period"] ?? "")  balance \(row["balance"] ?? "")  payoff \(row["payoff"] ?? "")  audit \(audit)")
            }
            return rows
        }
        print("   \(taxpayer)'s own account, Form 1040:")
        let before = try await summary("summary-\(stamp).json")

        step("7. Payments and a payment plan (the taxpayer, from their online account)")
        let bank = ["routingNumber": "021000021", "accountNumber": "123456789", "accountType": "checking"]
        if let owing = before.first(where: { (($0["payoff"] as? String).flatMap { Money($0) } ?? .zero) > .zero }),
           let period = owing["period"] as? String {
            let payment: [String: Any] = ["type": "payment", "tin": taxpayerRecord.tin, "nameControl": control, "form": "1040",
                                          "period": period, "reason": "balance-due", "amount": "100.00", "bankAccount": bank,
                                          "clientRef": "demo-payment-\(stamp)"]
            let ack = try await submit(try JSONSerialization.data(withJSONObject: payment), as: "payment-\(stamp).json",
                                       user: taxpayer, key: taxpayerKey)
            if let made = ack["payment"] as? [String: Any] {
                print("   payment \(made["confirmationNumber"] ?? "") \(made["status"] ?? ""): \(made["amount"] ?? "") on \(made["date"] ?? "") (TC 670)")
            }
            let owed = before.compactMap { ($0["payoff"] as? String).flatMap { Money($0) } }.filter { $0 > .zero }.reduce(Money.zero, +)
            let monthly = max(PaymentPlanRules.minimumMonthlyPayment(owed: owed), Money(cents: 2_500))
            let plan: [String: Any] = ["type": "payment-plan", "action": "create", "tin": taxpayerRecord.tin, "nameControl": control,
                                       "plan": "long-term", "monthlyPayment": monthly.description,
                                       "dueDay": 15, "directDebit": bank, "clientRef": "demo-plan-\(stamp)"]
            let planAck = try await submit(try JSONSerialization.data(withJSONObject: plan), as: "plan-\(stamp).json",
                                           user: taxpayer, key: taxpayerKey)
            if let made = planAck["plan"] as? [String: Any] {
                let periods = (made["periods"] as? [String])?.joined(separator: ", ") ?? ""
                print("   plan \(made["id"] ?? "") \(made["status"] ?? ""): \(monthly) a month by direct debit for \(periods); user fee \(made["fee"] ?? "") (TC 360)")
            }
            print("   the account summary again:")
            _ = try await summary("summary-after-\(stamp).json")
        } else {
            print("   (\(taxpayer) owes nothing: no payment to make)")
        }

        step("8. Staff: a Practitioner Priority Service order sends a transcript into the practitioner's mailbox")
        let staff = try ensureStaffUser()
        let staffKey = try PrivateKey(pem: Data(contentsOf: keyURL(staff)))
        let order = SyntheticScenario.transcriptRequest(Array(scenario.authorizedItems.prefix(1)), clientRef: "demo-pps-\(stamp)")
        var orderDocument = (try JSONSerialization.jsonObject(with: order) as? [String: Any]) ?? [:]
        orderDocument["type"] = "pps-order"
        orderDocument["practitioner"] = practitioner.rawValue
        orderDocument["clientRef"] = nil
        _ = try await submit(try JSONSerialization.data(withJSONObject: orderDocument), as: "pps-\(stamp).json", user: staff, key: staffKey)
        if let note = try await waitForFile(kind: "notification", user: practitioner, key: practitionerKey,
                                            matching: { $0["event"] as? String == "pps.delivered" }) {
            print("   \(practitioner) is notified: \(note["event"] as? String ?? "notification"), \((note["files"] as? [String])?.count ?? 0) transcript(s)")
        }

        step("9. Bad input gets a clear error and loses nothing")
        _ = try await submit(Data("{\"type\": \"transcript-request\", \"clientRef\": \"demo-broken-\(stamp)\", \"requests\": [ {\"tin\": 4000123 } ] }".utf8),
                             as: "broken-\(stamp).json", user: practitioner, key: practitionerKey)
        _ = try await submit(Data("not a document".utf8), as: "notes-\(stamp).txt", user: practitioner, key: practitionerKey)

        step("10. Pull the mailbox over HTTPS with a client certificate")
        if config.apiListen.isEmpty {
            print("   (the API is off in this configuration)")
        } else {
            let base = "https://\(config.apiListen)"
            let curl = "curl -sS --cert \(scenario.certURL.path) --key \(scenario.keyURL.path) --cacert \(layout.pki)/ca.pem"
            print("   $ \(curl) \(base)/v1/mailbox?state=new")
            let listing = try DemoTour.shell("\(curl) '\(base)/v1/mailbox?state=new'")
            if let object = try? JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [String: Any],
               let files = object["files"] as? [[String: Any]] {
                print("   \(files.count) new files; the newest:")
                for file in files.prefix(4) { print("     \(file["name"] ?? "")  \(file["size"] ?? "") bytes") }
                if let id = files.first?["id"] as? String {
                    let out = NSTemporaryDirectory() + "sord-demo-\(id).p7m"
                    _ = try DemoTour.shell("\(curl) -o '\(out)' '\(base)/v1/mailbox/\(id)'")
                    print("   downloaded \(id) and opened it with: openssl cms -decrypt -inform DER -in … | gunzip")
                    let opened = try DemoTour.shell("openssl cms -decrypt -inform DER -in '\(out)' -recip \(scenario.certURL.path) -inkey \(scenario.keyURL.path) | gunzip | head -c 300")
                    print(opened.split(separator: "\n").map { "     | " + $0 }.joined(separator: "\n"))
                    try? FileManager.default.removeItem(atPath: out)
                }
            } else {
                print("   the API did not answer: \(listing.prefix(200))")
            }
        }

        step("Summary")
        let report = try StatusReport.gather(layout: layout, database: database, daemon: ReadinessProbe.ask(listen: config.metricsListen))
        print(report.text.split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))

        step("Next steps")
        let c = configPath == "config/sord.toml" ? "" : " --config \(configPath)"
        print("""
               sord mailbox list --user \(practitioner)\(c)
               sord mailbox fetch --user \(practitioner) FILEID\(c)
               sord open FILE.p7m --key \(scenario.keyURL.path) --cert \(scenario.certURL.path)
               sord submit --user \(practitioner) my-request.json\(c)
               sord status\(c)
               sord codes
               sord run\(c)        # the daemon in the foreground
            """)
    }

    private func step(_ title: String) {
        print("\n== \(title)")
    }

    private func keyURL(_ id: UserID) -> URL { DemoKeys(folder: keysFolder, layout: layout).keyURL(id) }

    /// Individual taxpayers with an online account, a US address in the 50 states or DC, and no
    /// authorization naming the demo practitioner.
    private func demoTaxpayers(_ dataset: SyntheticDataset, excludingCAF caf: String) throws -> [SyntheticTaxpayer] {
        (0..<dataset.taxpayers).map(dataset.taxpayer).filter { taxpayer in
            guard case .person = taxpayer.entity.name, taxpayer.hasOnlineAccount,
                  (try? USState(parsing: taxpayer.entity.address.state))?.isStateOrDC == true,
                  !taxpayer.modules.isEmpty else { return false }
            return !taxpayer.authorizations.contains { $0.caf == caf }
        }.sorted { owesWithoutPlan($0) && !owesWithoutPlan($1) }
    }

    /// Whether the taxpayer owes on a Form 1040 period and has no plan yet (TC 971), which makes the
    /// tour's payment and plan steps meaningful; stable among equals, so the choice stays deterministic.
    private func owesWithoutPlan(_ taxpayer: SyntheticTaxpayer) -> Bool {
        let forms = taxpayer.modules.filter { $0.form == "1040" }
        return forms.contains { $0.balance > .zero } && !forms.contains { $0.transactions.contains { $0.code == "971" } }
    }

    /// Registers the taxpayer as a sord user (kind taxpayer) with a generated EC key.
    private func ensureTaxpayerUser(_ entity: EntityRecord) throws -> (UserID, EntityRecord) {
        guard case let .person(first, middle, last, suffix) = entity.name else { throw SordCLIError("not a person") }
        let id = UserID("taxpayer.\(entity.tin.suffix(4))")!
        let registered = try database.read { db in try UserRecord.find(id.rawValue, in: db)?.certFingerprint }
        let certificate = try DemoKeys(folder: keysFolder, layout: layout).certificate(for: id, keyType: .ecP256, registered: registered)
        let now = Timestamp.iso(Date())
        try database.write { db in
            var user = UserRecord(id: id.rawValue, kind: .taxpayer, first: first, middle: middle, last: last, suffix: suffix,
                                  tin: entity.tin, ptin: nil, caf: nil, state: .active, certPEM: certificate.pem,
                                  certFingerprint: certificate.sha256Fingerprint, createdAt: now)
            if let existing = try UserRecord.find(id.rawValue, in: db) { user.createdAt = existing.createdAt }
            try user.save(in: db)
        }
        try layout.createUserFolders(id)
        return (id, entity)
    }

    /// Drops a document into the user's inbox and waits for its ack; prints the outcome.
    private func submit(_ bytes: Data, as name: String, user: UserID, key: PrivateKey) async throws -> [String: Any] {
        let used = try InboxDrop(layout: layout).drop(bytes, as: name, user: user)
        let ack = try await waitForFile(kind: "ack", user: user, key: key) { $0["file"] as? String == used }
        guard let ack else { throw SordCLIError("no acknowledgement for \(used) within \(Int(timeout)) s; see the daemon log") }
        var line = "   \(user) dropped \(used) → ack: \(ack["status"] as? String ?? "?")"
        let codes = DemoTour.codes(ack)
        if !codes.isEmpty { line += " " + codes.joined(separator: ", ") }
        if let authorization = ack["authorization"] as? [String: Any] { line += " (authorization \(authorization["id"] ?? "") \(authorization["status"] ?? ""))" }
        if let caf = ack["cafNumber"] as? String { line += " CAF \(caf)" }
        print(line)
        for error in ((ack["errors"] as? [[String: Any]]) ?? []).prefix(3) {
            print("     \(error["code"] ?? ""): \(error["message"] ?? "")")
        }
        return ack
    }

    /// Submits a view (client list, account summary) and returns the report its ack names, opened.
    private func openView(_ bytes: Data, as name: String, user: UserID, key: PrivateKey) async throws -> [String: Any]? {
        let ack = try await submit(bytes, as: name, user: user, key: key)
        guard let file = (ack["files"] as? [String])?.first, let name = MailboxFileName(file),
              let path = MailboxWriter(layout: layout).path(user: user, name: name) else { return nil }
        let plain = try Unsealer.open(Data(contentsOf: URL(fileURLWithPath: path)), key: key, certificate: nil)
        return try JSONSerialization.jsonObject(with: plain) as? [String: Any]
    }

    /// Registers `demo.staff`, an assistor of the tax authority (kind staff), with a generated EC key.
    private func ensureStaffUser() throws -> UserID {
        let id = UserID("demo.staff")!
        let registered = try database.read { db in try UserRecord.find(id.rawValue, in: db)?.certFingerprint }
        let certificate = try DemoKeys(folder: keysFolder, layout: layout).certificate(for: id, keyType: .ecP256, registered: registered)
        try database.write { db in
            var user = UserRecord(id: id.rawValue, kind: .staff, first: "Pat", middle: nil, last: "Assistor", suffix: nil,
                                  tin: "400-88-0001", ptin: nil, caf: nil, state: .active, certPEM: certificate.pem,
                                  certFingerprint: certificate.sha256Fingerprint, createdAt: Timestamp.iso(Date()))
            if let existing = try UserRecord.find(id.rawValue, in: db) { user.createdAt = existing.createdAt }
            try user.save(in: db)
        }
        try layout.createUserFolders(id)
        return id
    }

    /// Waits for a mailbox file of `kind` whose decrypted JSON satisfies `matching`.
    private func waitForFile(kind: String, user: UserID, key: PrivateKey,
                             matching: ([String: Any]) -> Bool) async throws -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        let access = MailboxAccess(database: database, layout: layout)
        let writer = MailboxWriter(layout: layout)
        while Date() < deadline {
            for entry in try access.list(user: user, onlyNew: true).files where entry.kind == kind {
                guard !seen.contains(entry.id), let path = writer.path(user: user, name: MailboxFileName(entry.name)!) else { continue }
                // Files sealed to an older certificate of this user (an earlier run) are skipped.
                guard let plain = try? Unsealer.open(Data(contentsOf: URL(fileURLWithPath: path)), key: key, certificate: nil) else {
                    seen.insert(entry.id)
                    continue
                }
                if let object = try? JSONSerialization.jsonObject(with: plain) as? [String: Any], matching(object) {
                    seen.insert(entry.id)
                    return object
                }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    private func newestFile(kind: String, user: UserID) throws -> String? {
        let access = MailboxAccess(database: database, layout: layout)
        guard let entry = try access.list(user: user).files.first(where: { $0.kind == kind }) else { return nil }
        return MailboxWriter(layout: layout).path(user: user, name: MailboxFileName(entry.name)!)
    }

    static func codes(_ object: [String: Any]) -> [String] {
        ((object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }

    /// Runs a shell command line; returns its standard output.
    static func shell(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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
