import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `sord` binary against a temporary spool: CLI commands as subprocesses, the daemon
/// as a child process, and stock `openssl` + `gunzip` to open what lands in a mailbox.
final class DaemonHarness: @unchecked Sendable {
    let root: URL
    let configPath: String
    let keys: URL
    /// Where the daemon and the CLI keep their state.
    let store: Store
    /// The PostgreSQL database's URL (nil for SQLite).
    let databaseURL: String?
    private(set) var daemon: Process?
    private var daemonLog: URL { root.appendingPathComponent("daemon.log") }

    /// The `sord` executable next to the test bundle (`swift build` puts both in one folder).
    static let sordBinary: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("sord").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return exe.deletingLastPathComponent().appendingPathComponent("sord").path
    }()

    init(extraConfig: String = "", store: Store = .sqlite) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sord-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        keys = root.appendingPathComponent("keys")
        configPath = root.appendingPathComponent("sord.toml").path
        self.store = store
        databaseURL = store == .postgres ? try PostgresCluster.newDatabase() : nil
        let spool = root.appendingPathComponent("spool").path
        let config = """
            [paths]
            spool = "\(spool)"
            [database]
            path = "\(spool)/state/sord.sqlite"
            url = "\(databaseURL ?? "")"
            [inbox]
            rescan_seconds = 1
            [api]
            listen = ""
            [metrics]
            listen = ""
            [log]
            level = "debug"
            \(extraConfig)
            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        stopDaemon()
        try? FileManager.default.removeItem(at: root)
    }

    var spool: String { root.appendingPathComponent("spool").path }
    func inbox(_ user: String) -> String { spool + "/inbox/" + user }
    func mailboxNew(_ user: String) -> String { spool + "/sor/" + user + "/new" }
    var database: String { spool + "/state/sord.sqlite" }

    /// Runs `sord ARGS --config …`; returns exit status, stdout and stderr.
    @discardableResult
    func sord(_ args: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try Self.run(Self.sordBinary, args + ["--config", configPath], environment: environment)
    }

    /// Runs a program to completion.
    static func run(_ path: String, _ args: [String], environment: [String: String] = [:], stdin: Data? = nil)
        throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Adds a user with a generated key (RSA or EC) in `keys/`.
    func addUser(_ id: String, kind: String = "practitioner", first: String = "Dana", last: String = "Oak",
                 tin: String = "400-55-1234", keyType: String = "rsa", extra: [String] = []) throws {
        let result = try sord(["user", "add", id, "--kind", kind, "--first", first, "--last", last, "--tin", tin,
                               "--generate-key", keys.path, "--key-type", keyType] + extra)
        #expect(result.status == 0, "user add failed: \(result.err)")
    }

    /// Starts `sord run` (under `wrapper`, a command such as `prlimit … --`, when given); waits
    /// until it logs that it is ready.
    func startDaemon(environment: [String: String] = [:], wrapper: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrapper.first ?? Self.sordBinary)
        process.arguments = Array(wrapper.dropFirst()) + (wrapper.isEmpty ? [] : [Self.sordBinary]) + ["run", "--config", configPath]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if !FileManager.default.fileExists(atPath: daemonLog.path) {
            FileManager.default.createFile(atPath: daemonLog.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: daemonLog)
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        daemon = process
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if log_(contains: "sord ready", after: 0) { return }
            if !process.isRunning { return }
            usleep(50_000)
        }
    }

    private var readyMarks = 0
    private func log_(contains marker: String, after: Int) -> Bool {
        let text = daemonLogText
        let count = text.components(separatedBy: marker).count - 1
        if count > readyMarks {
            readyMarks = count
            return true
        }
        return false
    }

    var daemonLogText: String {
        (try? String(contentsOf: daemonLog, encoding: .utf8)) ?? ""
    }

    var daemonIsRunning: Bool { daemon?.isRunning ?? false }

    /// Replaces the configuration with the one at `path` (the daemon and CLI read it from then on).
    func switchConfig(to path: String) throws {
        try String(contentsOfFile: path, encoding: .utf8).write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// SIGTERM and wait; returns the exit status.
    @discardableResult
    func stopDaemon() -> Int32? {
        guard let daemon, daemon.isRunning else { return daemon?.terminationStatus }
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        return daemon.terminationStatus
    }

    /// Waits for the daemon to exit by itself (e.g. killed at a crash point).
    func waitForDaemonExit(timeout: TimeInterval = 60) -> Process.TerminationReason? {
        guard let daemon else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while daemon.isRunning && Date() < deadline { usleep(20_000) }
        return daemon.isRunning ? nil : daemon.terminationReason
    }

    /// Writes a file into an inbox the safe way (hidden name, then rename).
    func drop(_ user: String, _ name: String, _ bytes: Data) throws {
        let temp = inbox(user) + "/.drop-\(UUID().uuidString).part"
        try bytes.write(to: URL(fileURLWithPath: temp))
        #expect(rename(temp, inbox(user) + "/" + name) == 0)
    }

    func drop(_ user: String, _ name: String, _ text: String) throws {
        try drop(user, name, Data(text.utf8))
    }

    /// The mailbox files of a user (new/), by name.
    func mailboxFiles(_ user: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: mailboxNew(user))) ?? []).sorted()
    }

    /// Opens a sealed file with the stock command line: `openssl cms -decrypt … | gunzip`.
    func openWithOpenSSL(user: String, path: String) throws -> Data {
        let key = keys.appendingPathComponent("\(user).key").path
        let cert = keys.appendingPathComponent("\(user).pem").path
        let result = try Self.run("/bin/sh", ["-c", "openssl cms -decrypt -inform DER -in '\(path)' -recip '\(cert)' -inkey '\(key)' | gunzip"])
        #expect(result.status == 0, "openssl/gunzip failed: \(result.err)")
        return Data(result.out.utf8)
    }

    /// Decrypted acks by mailbox file name (a delivered file never changes, so each is opened once).
    private var openedAcks: [String: [String: Any]] = [:]

    /// Every ack in a user's mailbox, decrypted with openssl, as JSON objects.
    func acks(_ user: String) throws -> [[String: Any]] {
        try mailboxFiles(user).filter { $0.contains(".ack.") }.map { name in
            if let known = openedAcks[user + "/" + name] { return known }
            let data = try openWithOpenSSL(user: user, path: mailboxNew(user) + "/" + name)
            let ack = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            openedAcks[user + "/" + name] = ack
            return ack
        }
    }

    /// Waits until an ack for `fileName` is in the user's mailbox; returns it.
    func waitForAck(_ user: String, file fileName: String, timeout: TimeInterval = 30, reportingTimeout: Bool = true) throws -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let ack = try acks(user).first(where: { $0["file"] as? String == fileName }) { return ack }
            usleep(100_000)
        }
        if reportingTimeout { reportTimeout("no ack for \(fileName) within \(Int(timeout)) s") }
        return nil
    }

    /// Prints what the daemon logged last (the harness's folder is removed afterwards) and the
    /// spool's state, so a timed-out wait says why.
    func reportTimeout(_ what: String) {
        let log = (try? String(contentsOf: daemonLog, encoding: .utf8)) ?? ""
        let work = (try? FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("spool/work").path)) ?? []
        print("\(what); work/: \(work.sorted()); daemon log (last 40 lines):\n" + log.split(separator: "\n").suffix(40).joined(separator: "\n"))
    }

    /// The error codes of an ack.
    static func codes(_ ack: [String: Any]?) -> [String] {
        ((ack?["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }
}
