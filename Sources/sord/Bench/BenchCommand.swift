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

/// `sord bench`: the benchmark of SPEC section 11, run against the real daemon (`sord run` as a child
/// process) on a fresh spool with synthetic data. Build with `-c release` for meaningful figures.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure throughput, latency, memory and start-up with a backlog.")

    @Flag(help: "Print one JSON object instead of the table.") var json = false
    @Option(help: "Synthetic taxpayers in the reference data.") var taxpayers = 5_000
    @Option(help: "Transcript requests in the throughput run.") var requests = 1_000
    @Option(help: "Transcript items per request in the throughput run.") var itemsPerRequest = 20
    @Option(help: "Files per second in the latency run.") var rate = 100
    @Option(help: "Seconds of the latency run.") var latencySeconds = 10
    @Option(help: "Files in the backlog run.") var backlog = 100_000
    @Option(help: "Files in the per-file fsync probe.") var fsyncFiles = 300
    @Option(help: "Files in the shell-pipeline probe.") var shellFiles = 100
    @Option(help: "Working folder (created; removed afterwards unless --keep).") var dir: String?
    @Flag(help: "Keep the working folder.") var keep = false

    func run() async throws {
        let root = dir ?? FileManager.default.currentDirectoryPath + "/.build-bench-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        try Durable.makeDirectory(root)
        defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
        let bench = BenchRun(root: root, log: json ? { _ in } : { print($0) })
        let results = try await bench.run(self)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            print(results.table)
        }
    }
}

/// The figures `sord bench` reports.
struct BenchResults: Codable {
    var deliveries_per_s = 0.0
    var submissions_per_s = 0.0
    var p50_ms = 0.0
    var p99_ms = 0.0
    var peak_rss_mib = 0.0
    var backlog_first_ack_s = 0.0
    var backlog_files = 0
    var backlog_drain_s = 0.0
    var fsync_limit_per_s = 0.0
    var shell_pipeline_per_s = 0.0

    var table: String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let rows: [(String, String)] = [
            ("end-to-end deliveries/s (durable)", f(deliveries_per_s)),
            ("  submissions/s", f(submissions_per_s)),
            ("drop-to-ack latency p50 (ms)", f(p50_ms)),
            ("drop-to-ack latency p99 (ms)", f(p99_ms)),
            ("peak RSS with backlog (MiB)", f(peak_rss_mib)),
            ("start to first ack with \(backlog_files) backlog (s)", f(backlog_first_ack_s)),
            ("  backlog drained in (s)", f(backlog_drain_s)),
            ("per-file fsync limit (files/s)", f(fsync_limit_per_s)),
            ("shell pipeline gzip | openssl cms (files/s)", f(shell_pipeline_per_s)),
            ("deliveries vs fsync limit", f(deliveries_per_s / max(fsync_limit_per_s, 0.001)) + "x"),
            ("deliveries vs shell pipeline", f(deliveries_per_s / max(shell_pipeline_per_s, 0.001)) + "x"),
        ]
        return rows.map { $0.0.padding(toLength: 48, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }
}

/// One benchmark run in a working folder.
struct BenchRun {
    let root: String
    let log: (String) -> Void

    var configPath: String { root + "/sord.toml" }
    var spool: String { root + "/spool" }

    func run(_ options: Bench) async throws -> BenchResults {
        var results = BenchResults()
        let config = """
            [paths]
            spool = "\(spool)"
            [database]
            path = "\(spool)/state/sord.sqlite"
            [api]
            listen = ""
            [metrics]
            listen = ""
            [log]
            level = "warning"
            [mailbox]
            max_files = 10000000
            [inbox]
            dedupe_hours = 24
            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let layout = SpoolLayout(root: spool)
        try layout.createShared()
        let database = try SordDatabase(path: spool + "/state/sord.sqlite")
        log("preparing \(options.taxpayers) synthetic taxpayers …")
        let dataset = SyntheticDataset(taxpayers: options.taxpayers, seed: 2026,
                                       latestTaxYear: Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
        let scenario = try SyntheticScenario.prepare(dataset: dataset, database: database, layout: layout, keysFolder: root + "/keys")
        guard !scenario.authorizedItems.isEmpty else { throw SordCLIError("no authorized items in the synthetic data") }
        let user = scenario.practitioner
        let drop = InboxDrop(layout: layout)
        var serial = 0
        func request(items: Int) -> Data {
            serial += 1
            let chosen = (0..<items).map { scenario.authorizedItems[(serial * items + $0) % scenario.authorizedItems.count] }
            return SyntheticScenario.transcriptRequest(chosen, clientRef: "bench-\(serial)")
        }

        log("probing the per-file fsync limit …")
        results.fsync_limit_per_s = try DurableWriteProbe.measure(folder: root + "/fsync-probe", count: options.fsyncFiles)
        log("probing the shell pipeline …")
        results.shell_pipeline_per_s = try ShellPipelineProbe.measure(folder: root + "/shell-probe", certificate: scenario.certURL.path,
                                                                      payload: request(items: 1), count: options.shellFiles)

        // Throughput: a backlog of requests, the daemon started, until every file is delivered.
        log("throughput: \(options.requests) requests × \(options.itemsPerRequest) items …")
        for i in 0..<options.requests { _ = try drop.drop(request(items: options.itemsPerRequest), as: "t-\(i).json", user: user) }
        var daemon = try DaemonProcess.start(configPath: configPath, logPath: root + "/daemon.log")
        let started = Date()
        try await waitForSubmissions(options.requests, database: database)
        let (files, last) = try database.read { db in try DeliveryTimes.delivered(in: db) }
        let elapsed = max(0.001, (Self.date(last) ?? Date()).timeIntervalSince(started))
        results.deliveries_per_s = Double(files) / elapsed
        results.submissions_per_s = Double(options.requests) / elapsed

        // Latency: a steady rate of single-item requests into the running daemon.
        log("latency: \(options.rate) files/s for \(options.latencySeconds) s …")
        var droppedAt: [String: Date] = [:]
        let total = options.rate * options.latencySeconds
        let interval = 1.0 / Double(options.rate)
        let t0 = Date()
        for i in 0..<total {
            let due = t0.addingTimeInterval(Double(i) * interval)
            let wait = due.timeIntervalSinceNow
            if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
            let name = try drop.drop(request(items: 1), as: "l-\(i).json", user: user)
            droppedAt[name] = Date()
        }
        try await waitForSubmissions(options.requests + total, database: database)
        let delivered = try database.read { db in try DeliveryTimes.acks(fileNamePrefix: "l-", in: db) }
        let latencies = delivered.compactMap { row -> Double? in
            guard let at = row.deliveredAt.flatMap(Self.date), let sent = droppedAt[row.name] else { return nil }
            return at.timeIntervalSince(sent) * 1000
        }.sorted()
        results.p50_ms = Self.percentile(latencies, 0.50)
        results.p99_ms = Self.percentile(latencies, 0.99)
        daemon.stop()

        // Backlog: files waiting before the start; time to the first ack, peak memory.
        log("backlog: \(options.backlog) files …")
        let before = try database.read { db in try SubmissionRecord.count(in: db) }
        for i in 0..<options.backlog { _ = try drop.drop(request(items: 1), as: "b-\(i).json", user: user) }
        results.backlog_files = options.backlog
        daemon = try DaemonProcess.start(configPath: configPath, logPath: root + "/daemon.log")
        let backlogStart = Date()
        var firstAck: Date?
        var peak = 0.0
        while true {
            peak = max(peak, Self.peakRSSMiB(pid: daemon.pid))
            let (count, first) = try database.read { db in
                (try SubmissionRecord.count(in: db), try DeliveryTimes.acks(fileNamePrefix: "b-", in: db).compactMap(\.deliveredAt).min())
            }
            if firstAck == nil, let first { firstAck = Self.date(first) }
            if count >= before + options.backlog { break }
            guard daemon.process.isRunning else { throw SordCLIError("the daemon stopped; see \(root)/daemon.log") }
            try await Task.sleep(for: .milliseconds(200))
        }
        results.backlog_drain_s = Date().timeIntervalSince(backlogStart)
        results.backlog_first_ack_s = (firstAck ?? Date()).timeIntervalSince(backlogStart)
        results.peak_rss_mib = max(peak, Self.peakRSSMiB(pid: daemon.pid))
        daemon.stop()
        return results
    }

    /// Waits until the journal holds `count` submissions and every committed file is delivered.
    private func waitForSubmissions(_ count: Int, database: SordDatabase) async throws {
        while true {
            let (submissions, undelivered) = try database.read { db in
                (try SubmissionRecord.count(in: db), try MailboxFileRecord.outboxCount(in: db))
            }
            if submissions >= count && undelivered == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    /// The process's peak resident set (VmHWM) in MiB.
    static func peakRSSMiB(pid: Int32) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true)[1])
        else { return 0 }
        return kib / 1024
    }

    static func date(_ iso: String?) -> Date? {
        guard let iso else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: iso)
    }
}
