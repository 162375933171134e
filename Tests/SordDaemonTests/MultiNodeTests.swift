import Foundation
import SordCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Several daemons on one PostgreSQL database and one spool (SPEC 13): while one node at a time is
/// SIGKILLed and restarted, every submission is decided once, every file delivered once, the
/// audit log stays one chain, and the CAF ends as a single node leaves it. `SORD_NODES_SEED=N`
/// replays a run.
@Suite("Several nodes", .serialized)
struct MultiNodeTests {
    /// A `sord run` of one node, its log in its own file.
    final class Node {
        let name: String
        let config: String
        let log: String
        var process: Process?

        init(name: String, config: String, log: String) {
            self.name = name
            self.config = config
            self.log = log
        }

        func start() throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: DaemonHarness.sordBinary)
            process.arguments = ["run", "--config", config]
            if !FileManager.default.fileExists(atPath: log) { FileManager.default.createFile(atPath: log, contents: nil) }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            handle.seekToEndOfFile()
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            self.process = process
        }

        func kill() {
            guard let process, process.isRunning else { return }
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func stop() -> Int32? {
            guard let process else { return nil }
            if process.isRunning {
                Glibc.kill(process.processIdentifier, SIGTERM)
                process.waitUntilExit()
            }
            return process.terminationStatus
        }
    }

    @Test("3 nodes, one database, one spool, a node SIGKILLed every few seconds: each piece of work exactly once")
    func threeNodesUnderKills() throws {
        let seed = ProcessInfo.processInfo.environment["SORD_NODES_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64(UInt32.max))
        print("MultiNode seed \(seed) (replay with SORD_NODES_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sord-nodes-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let world = try CrashWorld.make(in: data)
        let h = try world.harness(store: .postgres)
        let pki = try h.sord(["pki", "init"])
        #expect(pki.status == 0, "\(pki.err)")
        // Two more practitioners without TDS authority: their requests are rejected, their bad files too.
        try h.addUser("ash.two", first: "Ash", last: "Two", tin: "400-55-7001", keyType: "ec")
        try h.addUser("bo.three", first: "Bo", last: "Three", tin: "400-55-7002", keyType: "ec")
        var nameControls: [String: String] = [:]
        for row in try h.sql("SELECT tin, name_control FROM entity") {
            let parts = row.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 2 { nameControls[String(parts[0])] = String(parts[1]) }
        }
        let year = try Day(parsing: Timestamp.day(Date())).year
        let main = world.inputs(nameControls: nameControls, year: year, requests: 230)
        var inputs: [(user: String, input: CrashWorld.Input)] = main.map { (world.user, $0) }
        for (index, input) in main.prefix(60).enumerated() {
            inputs.append((index % 2 == 0 ? "ash.two" : "bo.three", input))
        }
        #expect(inputs.count >= 300)

        // Three nodes: their own listeners and names, short leases so a dead node's work moves on fast.
        let base = try String(contentsOfFile: h.configPath, encoding: .utf8)
        let pkiFolder = h.spool + "/state/pki"
        let nodes = try (1...3).map { n -> Node in
            var text = DaemonHarness.listening(base, api: try DaemonHarness.freePort(), metrics: try DaemonHarness.freePort(),
                                               pki: pkiFolder)
            text += "\n[pipeline]\nnode = \"n\(n)\"\nlease_seconds = 5\n"
            let path = h.root.appendingPathComponent("node\(n).toml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return Node(name: "n\(n)", config: path, log: h.root.appendingPathComponent("node\(n).log").path)
        }
        try ReloadTests.setConfig(h, "inbox", "settle_seconds", "0")
        for node in nodes {
            try ReloadTests.setConfigFile(node.config, "inbox", "settle_seconds", "0")
            try node.start()
        }
        defer { nodes.forEach { _ = $0.stop() } }

        // Drop the inputs in waves while one node at a time is killed and restarted.
        var pending = inputs.shuffled(using: &random)
        var kills = 0
        while !pending.isEmpty {
            for (user, input) in pending.prefix(25) { try h.drop(user, input.name, input.bytes) }
            pending.removeFirst(min(25, pending.count))
            usleep(UInt32.random(in: 1_000_000...3_000_000, using: &random))
            let victim = nodes[Int.random(in: 0..<nodes.count, using: &random)]
            victim.kill()
            kills += 1
            usleep(300_000)
            try victim.start()
        }
        // Everything answered with every node up.
        let users = Set(inputs.map(\.user))
        let expected = Dictionary(grouping: inputs, by: \.user).mapValues(\.count)
        let deadline = Date().addingTimeInterval(240)
        while Date() < deadline, users.contains(where: { h.mailboxFiles($0).filter { $0.contains(".ack.") }.count < expected[$0]! }) {
            usleep(500_000)
        }
        usleep(2_000_000)  // let the last deliveries and archiving settle
        for node in nodes { #expect(node.stop() == 0, "\(node.name) did not stop cleanly") }
        print("MultiNode seed \(seed): \(kills) kills, \(inputs.count) submissions")

        // Exactly one ack per submission, one journal row each.
        var delivered = 0
        for user in users {
            let acks = try h.acks(user)
            let perFile = Dictionary(grouping: acks, by: { $0["file"] as? String ?? "?" }).mapValues(\.count)
            for entry in inputs where entry.user == user {
                let name = entry.input.name
                #expect(perFile[name] == 1, "seed \(seed): \(user)/\(name) has \(perFile[name] ?? 0) acks")
            }
            // One transcript per delivered item, and each opens with stock openssl.
            let mailbox = Set(h.mailboxFiles(user))
            for ack in acks {
                for item in ack["items"] as? [[String: Any]] ?? [] where item["status"] as? String == "delivered" {
                    delivered += 1
                    for file in item["files"] as? [String] ?? [] { #expect(mailbox.contains(file), "seed \(seed): \(file) missing") }
                }
            }
            let items: [[String: Any]] = acks.flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
            let deliveredItems = items.filter { $0["status"] as? String == "delivered" }.count
            let transcripts = mailbox.filter { $0.contains(".transcript.") }.count
            #expect(transcripts == deliveredItems, "seed \(seed): \(user) transcripts")
            for name in mailbox where !name.contains(".ack.") {
                #expect(!(try h.openWithOpenSSL(user: user, path: h.mailboxNew(user) + "/" + name)).isEmpty)
            }
        }
        #expect(delivered > 100)
        #expect(try h.sql("SELECT COUNT(*) FROM submissions") == ["\(inputs.count)"], "seed \(seed)")
        #expect(try h.sql("SELECT COUNT(*) FROM mailboxFiles WHERE deliveredAt IS NULL") == ["0"], "seed \(seed)")
        // Nothing left half-done anywhere.
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: h.spool + "/sor")) ?? [] {
            #expect(h.regularFiles(under: h.spool + "/sor/" + folder + "/tmp").isEmpty, "seed \(seed): tmp of \(folder)")
        }
        #expect(h.regularFiles(under: h.spool + "/work").isEmpty, "seed \(seed): work/")
        // One audit chain.
        let verify = try h.sord(["audit", "verify"])
        #expect(verify.status == 0, "seed \(seed): \(verify.err)")

        // The CAF ends as one node leaves it, from the same inputs.
        let calm = try world.harness()
        try calm.addUser("ash.two", first: "Ash", last: "Two", tin: "400-55-7001", keyType: "ec")
        try calm.addUser("bo.three", first: "Bo", last: "Three", tin: "400-55-7002", keyType: "ec")
        for (user, input) in inputs { try calm.drop(user, input.name, input.bytes) }
        try calm.startDaemon()
        #expect(calm.waitForAckCount(world.user, expected[world.user]!, timeout: 240) == expected[world.user]!)
        #expect(calm.stopDaemon() == 0)
        let caf = "SELECT id, status FROM caf_authorization ORDER BY id"
        #expect(try h.sql(caf) == (try calm.sql(caf)), "seed \(seed): CAF differs from the single-node run")
    }
}
