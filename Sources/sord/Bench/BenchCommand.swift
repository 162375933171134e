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
    @Option(help: "Bulk CSV files of the first user in the fairness run.") var bulkFiles = 10
    @Option(help: "Items per bulk CSV file.") var bulkItems = 1_000
    @Option(help: "Single-item requests per second from a second user while the bulk drains.") var bulkRate = 10
    @Option(help: "Files in the per-file fsync probe.") var fsyncFiles = 300
    @Option(help: "Files in the shell-pipeline probe.") var shellFiles = 100
    @Option(help: "Working folder (created; removed afterwards unless --keep).") var dir: String?
    @Option(help: "Also measure on PostgreSQL: the URL of a role that may create databases (a database is made per run and dropped).")
    var database: String?
    @Option(help: "Nodes of the second PostgreSQL run (the first has one).") var nodes = 3
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
    /// Deliveries per second over the fsync limit and over the shell pipeline (targets 3× and 50×).
    var deliveries_vs_fsync = 0.0
    var deliveries_vs_shell = 0.0
    /// The daemon's user + system CPU over the throughput run ÷ deliveries, in microseconds.
    var cpu_us_per_delivery = 0.0
    /// The floor for the same delivery on this machine (`CPUFloorProbe`), in microseconds.
    var cpu_floor_us = 0.0
    var cpu_vs_floor = 0.0
    /// The floor by part.
    var cpu_floor = CPUFloorProbe.Floor()
    /// p99 drop-to-ack latency of a second user's single-item requests while the first user's bulk
    /// CSV files drain, in milliseconds.
    var p99_ms_under_bulk = 0.0
    /// With `--database`: SQLite and PostgreSQL (one node and several) side by side.
    var stores: [StoreFigures]?

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
            ("deliveries vs fsync limit", f(deliveries_vs_fsync) + "x"),
            ("deliveries vs shell pipeline", f(deliveries_vs_shell) + "x"),
            ("CPU per delivery (µs)", f(cpu_us_per_delivery)),
            ("  CPU floor per delivery (µs)", f(cpu_floor_us) + " (seal \(f(cpu_floor.seal_us)), insert \(f(cpu_floor.insert_us)))"),
            ("  CPU vs floor", f(cpu_vs_floor) + "x"),
            ("p99 of small requests under bulk (ms)", f(p99_ms_under_bulk)),
        ]
        var lines = rows.map { $0.0.padding(toLength: 48, withPad: " ", startingAt: 0) + $0.1 }
        if let stores {
            lines.append("")
            lines.append("store       nodes  deliveries/s  submissions/s  p50 ms  p99 ms  CPU µs/delivery")
            for s in stores {
                lines.append(s.store.padding(toLength: 12, withPad: " ", startingAt: 0) + String(s.nodes).padding(toLength: 7, withPad: " ", startingAt: 0)
                    + f(s.deliveries_per_s).padding(toLength: 14, withPad: " ", startingAt: 0)
                    + f(s.submissions_per_s).padding(toLength: 15, withPad: " ", startingAt: 0)
                    + f(s.p50_ms).padding(toLength: 8, withPad: " ", startingAt: 0)
                    + f(s.p99_ms).padding(toLength: 8, withPad: " ", startingAt: 0) + f(s.cpu_us_per_delivery))
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// One store's throughput and latency, for the comparison `--database` adds.
struct StoreFigures: Codable {
    var store = "sqlite"
    var nodes = 1
    var deliveries_per_s = 0.0
    var submissions_per_s = 0.0
    var p50_ms = 0.0
    var p99_ms = 0.0
    /// The daemons' CPU per delivery (every node), in microseconds.
    var cpu_us_per_delivery = 0.0
}

/// A spool, a store and a practitioner with TDS authority on synthetic data, in a working folder,
/// with the daemons (one or several nodes) the measurements run against.
struct BenchWorld {
    let root: String
    let database: SordDatabase
    let user: UserID
    let drop: InboxDrop
    let configs: [String]
    private let scenario: SyntheticScenario
    /// A second practitioner, whose small requests the fairness run times.
    private let other: SyntheticScenario
    private var serial = 0

    var spool: String { root + "/spool" }

    /// Prepares the world in `root`: SQLite, or PostgreSQL at `url` (a database of its own, made
    /// from the admin URL given), with `nodes` node configurations.
    static func prepare(root: String, taxpayers: Int, url: String?, nodes: Int, log: (String) -> Void) throws -> BenchWorld {
        try Durable.makeDirectory(root)
        let spool = root + "/spool"
        var base = """
            [paths]
            spool = "\(spool)"
            [database]
            path = "\(spool)/state/sord.sqlite"
            url = "\(url ?? "")"
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
            settle_seconds = 0
            """
        base += "\n"
        let configs = try (1...max(1, nodes)).map { n -> String in
            let path = root + "/node\(n).toml"
            try (base + "[pipeline]\nnode = \"bench-\(n)\"\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let layout = SpoolLayout(root: spool)
        try layout.createShared()
        let database = try SordDatabase.open(path: spool + "/state/sord.sqlite", url: url)
        log("preparing \(taxpayers) synthetic taxpayers …")
        let dataset = SyntheticDataset(taxpayers: taxpayers, seed: 2026,
                                       latestTaxYear: Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
        let scenario = try SyntheticScenario.prepare(dataset: dataset, database: database, layout: layout, keysFolder: root + "/keys")
        let other = try SyntheticScenario.practitioner(rank: 1, dataset: dataset, database: database, layout: layout,
                                                       keysFolder: root + "/keys")
        guard !scenario.authorizedItems.isEmpty, !other.authorizedItems.isEmpty else {
            throw SordCLIError("no authorized items in the synthetic data")
        }
        return BenchWorld(root: root, database: database, user: scenario.practitioner, drop: InboxDrop(layout: layout),
                          configs: configs, scenario: scenario, other: other)
    }

    /// The certificate of the practitioner (the shell-pipeline probe encrypts to it).
    var certificatePath: String { scenario.certURL.path }

    /// A new transcript request of `items` distinct authorized items.
    mutating func request(items: Int) -> Data {
        serial += 1
        let chosen = (0..<items).map { scenario.authorizedItems[(serial * items + $0) % scenario.authorizedItems.count] }
        return SyntheticScenario.transcriptRequest(chosen, clientRef: "bench-\(serial)")
    }

    /// A CSV transcript request of `items` authorized items (repeating when there are fewer), as a
    /// practitioner's software exports a bulk order.
    mutating func bulkCSV(items: Int) -> Data {
        serial += 1
        var csv = "tin,name_control,product,form,period,customer_file_number\r\n"
        for k in 0..<items {
            let item = scenario.authorizedItems[(serial * items + k) % scenario.authorizedItems.count]
            csv += "\(item.tin),\(item.nameControl),account,\(item.form),\(item.period),\(serial)-\(k)\r\n"
        }
        return Data(csv.utf8)
    }

    /// A transcript for the CPU floor: one the throughput run delivered, opened with the key.
    func deliveredTranscript() throws -> Data {
        let folder = SpoolLayout(root: spool).mailboxNew(user)
        guard let name = try FileManager.default.contentsOfDirectory(atPath: folder).first(where: { $0.contains(".transcript.") }) else {
            throw SordCLIError("the throughput run delivered no transcript")
        }
        let key = try PrivateKey(pem: Data(contentsOf: scenario.keyURL))
        return try Unsealer.open(Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)), key: key, certificate: nil)
    }

    /// The practitioner's certificate, parsed.
    func recipientCertificate() throws -> RecipientCertificate {
        try RecipientCertificate(pem: Data(contentsOf: scenario.certURL))
    }

    /// Starts every node.
    func startDaemons() throws -> [DaemonProcess] {
        try configs.enumerated().map { n, config in try DaemonProcess.start(configPath: config, logPath: root + "/daemon-\(n + 1).log") }
    }

    /// Throughput: `requests` requests of `items` items waiting in the inbox, the daemons started,
    /// until every file is delivered; deliveries and submissions per second.
    /// The daemons' CPU (user + system, every node) over the run, per delivery, in microseconds.
    mutating func throughput(requests: Int, items: Int)
        async throws -> (deliveries: Double, submissions: Double, cpuMicroseconds: Double, daemons: [DaemonProcess]) {
        for i in 0..<requests { _ = try drop.drop(request(items: items), as: "t-\(i).json", user: user) }
        let daemons = try startDaemons()
        let started = Date()
        try await waitForSubmissions(requests)
        let cpu = daemons.map { BenchRun.cpuSeconds(pid: $0.pid) }.reduce(0, +)
        let (files, last) = try database.read { db in try DeliveryTimes.delivered(in: db) }
        let elapsed = max(0.001, (BenchRun.date(last) ?? Date()).timeIntervalSince(started))
        return (Double(files) / elapsed, Double(requests) / elapsed, cpu * 1e6 / Double(max(files, 1)), daemons)
    }

    /// Fairness: `files` CSV files of `items` items from the first user, and meanwhile single-item
    /// requests from a second user at `rate` files/s until the bulk is answered; p99 of the second
    /// user's drop-to-ack latency in milliseconds, into the running daemons.
    mutating func latencyUnderBulk(files: Int, items: Int, rate: Int, after earlier: Int) async throws -> Double {
        for i in 0..<files { _ = try drop.drop(bulkCSV(items: items), as: "bulk-\(i).csv", user: user) }
        var droppedAt: [String: Date] = [:]
        let t0 = Date()
        var sent = 0
        while try database.read({ db in try DeliveryTimes.acks(fileNamePrefix: "bulk-", in: db).filter { $0.deliveredAt != nil }.count }) < files {
            let wait = t0.addingTimeInterval(Double(sent) / Double(max(rate, 1))).timeIntervalSinceNow
            if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
            let item = other.authorizedItems[sent % other.authorizedItems.count]
            let name = try drop.drop(SyntheticScenario.transcriptRequest([item], clientRef: "small-\(sent)"), as: "small-\(sent).json",
                                     user: other.practitioner)
            droppedAt[name] = Date()
            sent += 1
        }
        try await waitForSubmissions(earlier + files + sent)
        return BenchRun.percentile(try latencies(droppedAt, prefix: "small-"), 0.99)
    }

    /// Drop-to-ack latencies in milliseconds, sorted, of the files named `prefix…` dropped at `droppedAt`.
    private func latencies(_ droppedAt: [String: Date], prefix: String) throws -> [Double] {
        let delivered = try database.read { db in try DeliveryTimes.acks(fileNamePrefix: prefix, in: db) }
        return delivered.compactMap { row -> Double? in
            guard let at = row.deliveredAt.flatMap(BenchRun.date), let sent = droppedAt[row.name] else { return nil }
            return at.timeIntervalSince(sent) * 1000
        }.sorted()
    }

    /// Latency: single-item requests at `rate` files/s for `seconds` into the running daemons;
    /// drop to ack delivered, p50 and p99 in milliseconds.
    mutating func latency(rate: Int, seconds: Int, after earlier: Int) async throws -> (p50: Double, p99: Double) {
        var droppedAt: [String: Date] = [:]
        let total = rate * seconds
        let interval = 1.0 / Double(rate)
        let t0 = Date()
        for i in 0..<total {
            let wait = t0.addingTimeInterval(Double(i) * interval).timeIntervalSinceNow
            if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
            let name = try drop.drop(request(items: 1), as: "l-\(i).json", user: user)
            droppedAt[name] = Date()
        }
        try await waitForSubmissions(earlier + total)
        let latencies = try latencies(droppedAt, prefix: "l-")
        return (BenchRun.percentile(latencies, 0.50), BenchRun.percentile(latencies, 0.99))
    }

    /// Waits until the journal holds `count` submissions and every committed file is delivered.
    func waitForSubmissions(_ count: Int) async throws {
        while true {
            let (submissions, undelivered) = try database.read { db in
                (try SubmissionRecord.count(in: db), try MailboxFileRecord.outboxCount(in: db))
            }
            if submissions >= count && undelivered == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}

/// One benchmark run in a working folder.
struct BenchRun {
    let root: String
    let log: (String) -> Void

    func run(_ options: Bench) async throws -> BenchResults {
        var results = BenchResults()
        var world = try BenchWorld.prepare(root: root + "/sqlite", taxpayers: options.taxpayers, url: nil, nodes: 1, log: log)

        log("probing the per-file fsync limit …")
        results.fsync_limit_per_s = try DurableWriteProbe.measure(folder: root + "/fsync-probe", count: options.fsyncFiles)
        log("probing the shell pipeline …")
        results.shell_pipeline_per_s = try ShellPipelineProbe.measure(folder: root + "/shell-probe", certificate: world.certificatePath,
                                                                      payload: world.request(items: 1), count: options.shellFiles)

        log("throughput: \(options.requests) requests × \(options.itemsPerRequest) items …")
        let (deliveries, submissions, cpu, daemons) = try await world.throughput(requests: options.requests, items: options.itemsPerRequest)
        results.deliveries_per_s = deliveries
        results.deliveries_vs_fsync = deliveries / max(results.fsync_limit_per_s, 0.001)
        results.deliveries_vs_shell = deliveries / max(results.shell_pipeline_per_s, 0.001)
        results.submissions_per_s = submissions
        results.cpu_us_per_delivery = cpu
        log("latency: \(options.rate) files/s for \(options.latencySeconds) s …")
        (results.p50_ms, results.p99_ms) = try await world.latency(rate: options.rate, seconds: options.latencySeconds, after: options.requests)
        log("fairness: \(options.bulkFiles) × \(options.bulkItems)-item CSV files, a second user's requests at \(options.bulkRate)/s …")
        let earlier = try world.database.read { db in try SubmissionRecord.count(in: db) }
        results.p99_ms_under_bulk = try await world.latencyUnderBulk(files: options.bulkFiles, items: options.bulkItems,
                                                                     rate: options.bulkRate, after: earlier)
        daemons.forEach { $0.stop() }
        log("CPU floor: sord's own seal and batched insert in isolation …")
        results.cpu_floor = try CPUFloorProbe.measure(transcript: world.deliveredTranscript(), certificate: world.recipientCertificate(),
                                                      folder: root)
        results.cpu_floor_us = results.cpu_floor.total_us
        results.cpu_vs_floor = results.cpu_us_per_delivery / max(results.cpu_floor_us, 0.001)

        // Backlog: files waiting before the start; time to the first ack, peak memory.
        log("backlog: \(options.backlog) files …")
        let before = try world.database.read { db in try SubmissionRecord.count(in: db) }
        for i in 0..<options.backlog { _ = try world.drop.drop(world.request(items: 1), as: "b-\(i).json", user: world.user) }
        results.backlog_files = options.backlog
        let daemon = try DaemonProcess.start(configPath: world.configs[0], logPath: root + "/backlog.log")
        let backlogStart = Date()
        var firstAck: Date?
        var peak = 0.0
        while true {
            peak = max(peak, Self.peakRSSMiB(pid: daemon.pid))
            let (count, first) = try world.database.read { db in
                (try SubmissionRecord.count(in: db), try DeliveryTimes.acks(fileNamePrefix: "b-", in: db).compactMap(\.deliveredAt).min())
            }
            if firstAck == nil, let first { firstAck = Self.date(first) }
            if count >= before + options.backlog { break }
            guard daemon.process.isRunning else { throw SordCLIError("the daemon stopped; see \(root)/backlog.log") }
            try await Task.sleep(for: .milliseconds(200))
        }
        results.backlog_drain_s = Date().timeIntervalSince(backlogStart)
        results.backlog_first_ack_s = (firstAck ?? Date()).timeIntervalSince(backlogStart)
        results.peak_rss_mib = max(peak, Self.peakRSSMiB(pid: daemon.pid))
        daemon.stop()

        if let url = options.database {
            results.stores = [StoreFigures(store: "sqlite", nodes: 1, deliveries_per_s: results.deliveries_per_s,
                                           submissions_per_s: results.submissions_per_s, p50_ms: results.p50_ms, p99_ms: results.p99_ms,
                                           cpu_us_per_delivery: results.cpu_us_per_delivery)]
            for nodes in Array(Set([1, options.nodes])).sorted() {
                log("PostgreSQL, \(nodes) node(s): throughput and latency …")
                results.stores?.append(try await postgres(url: url, nodes: nodes, options: options))
            }
        }
        return results
    }

    /// Throughput and latency on PostgreSQL with `nodes` nodes sharing a fresh database and spool.
    private func postgres(url: String, nodes: Int, options: Bench) async throws -> StoreFigures {
        let name = "sord_bench_\(getpid())_\(nodes)"
        let admin = try PostgresDriver(url: url)
        try admin.administer("DROP DATABASE IF EXISTS \(name)")
        try admin.administer("CREATE DATABASE \(name)")
        defer {
            try? admin.administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            admin.close()
        }
        guard var parts = URLComponents(string: url) else { throw SordCLIError("--database is not a URL") }
        parts.path = "/" + name
        var world = try BenchWorld.prepare(root: root + "/postgres-\(nodes)", taxpayers: options.taxpayers, url: parts.string,
                                           nodes: nodes, log: log)
        var figures = StoreFigures(store: "postgres", nodes: nodes)
        let (deliveries, submissions, cpu, daemons) = try await world.throughput(requests: options.requests, items: options.itemsPerRequest)
        (figures.deliveries_per_s, figures.submissions_per_s, figures.cpu_us_per_delivery) = (deliveries, submissions, cpu)
        (figures.p50_ms, figures.p99_ms) = try await world.latency(rate: options.rate, seconds: options.latencySeconds, after: options.requests)
        daemons.forEach { $0.stop() }
        world.database.close()
        return figures
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    /// The process's CPU so far (user + system), in seconds; 0 when it cannot be read.
    static func cpuSeconds(pid: Int32) -> Double {
        // /proc/PID/stat: utime and stime are fields 14 and 15, the 12th and 13th after the
        // parenthesised command name (which may itself hold spaces).
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
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
