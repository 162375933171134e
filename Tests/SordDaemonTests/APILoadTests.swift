import Foundation
import Synchronization
import Testing

/// The daemon under many concurrent API clients (issue 13, item 1): it may get slower, never hang.
@Suite("API under load", .serialized)
struct APILoadTests {
    /// What one request got back.
    struct Outcome: Sendable {
        let operation: String
        let status: Int
        let exit: Int32
    }

    @Test("64 clients mixing list, download, upload and status for 30 s: every request answered, /healthz throughout, every upload acked once")
    func sixtyFourClients() throws {
        let h = try DaemonHarness()
        let ports = try h.enableListeners()
        let users = ["dana.oak", "erin.ash", "finn.elm", "gail.fir"]
        for (index, user) in users.enumerated() {
            try h.addUser(user, first: "User", last: "Number\(index)", tin: "400-55-\(1000 + index)")
        }
        try h.startDaemon()
        // A file and a submission per user for the clients to download and ask about.
        var known: [String: (file: String, submission: String)] = [:]
        for user in users {
            let file = try h.deliverAck(to: user, file: "seed.json", #"{"type":"withdrawal","authorization":"SEED-\#(user)"}"#)
            let ack = try #require(try h.waitForAck(user, file: "seed.json"))
            known[user] = (file, try #require(ack["submission"] as? String))
        }
        let known_ = known

        let duration: TimeInterval = 30
        let deadline = Date().addingTimeInterval(duration)
        let outcomes = Mutex<[Outcome]>([])
        let health = Mutex<[Int]>([])
        let uploads = Mutex<[String: String]>([:])  // file name → user
        let drops = Mutex<[String: String]>([:])
        let bodies = h.root.appendingPathComponent("bodies").path
        try FileManager.default.createDirectory(atPath: bodies, withIntermediateDirectories: true)

        var threads: [Thread] = []
        for client in 0..<64 {
            let thread = Thread {
                var round = 0
                while Date() < deadline {
                    let user = users[client % users.count]
                    let seed = known_[user]!
                    let operation = ["list", "download", "upload", "status"][(client + round) % 4]
                    var result: DaemonHarness.HTTPResult?
                    switch operation {
                    case "list":
                        result = try? h.https("GET", "/v1/mailbox", port: ports.api, user: user, extra: ["--max-time", "120"])
                    case "download":
                        result = try? h.https("GET", "/v1/mailbox/\(seed.file)", port: ports.api, user: user, extra: ["--max-time", "120"])
                    case "upload":
                        let name = "load-\(client)-\(round).json"
                        let path = bodies + "/" + name
                        try? #"{"type":"withdrawal","authorization":"L-\#(client)-\#(round)"}"#.write(toFile: path, atomically: true, encoding: .utf8)
                        result = try? h.https("PUT", "/v1/inbox/\(name)", port: ports.api, user: user, upload: path, extra: ["--max-time", "120"])
                        if result?.status == 202 { uploads.withLock { $0[name] = user } }
                    default:
                        result = try? h.https("GET", "/v1/submissions/\(seed.submission)", port: ports.api, user: user, extra: ["--max-time", "120"])
                    }
                    let outcome = Outcome(operation: operation, status: result?.status ?? 0, exit: result?.exit ?? -1)
                    outcomes.withLock { $0.append(outcome) }
                    round += 1
                }
            }
            threads.append(thread)
        }
        // /healthz every half second, answered within 5 s each time.
        let prober = Thread {
            while Date() < deadline {
                let result = try? h.http("/healthz", port: ports.metrics, maxTime: 5)
                health.withLock { $0.append(result.map { $0.exit == 0 ? $0.status : 0 } ?? 0) }
                usleep(500_000)
            }
        }
        // Files keep flowing through the inbox meanwhile.
        let dropper = Thread {
            var n = 0
            while Date() < deadline {
                let user = users[n % users.count]
                let name = "drop-\(n).json"
                try? h.drop(user, name, #"{"type":"withdrawal","authorization":"D-\#(n)"}"#)
                drops.withLock { $0[name] = user }
                n += 1
                usleep(200_000)
            }
        }
        (threads + [prober, dropper]).forEach { $0.start() }
        while (threads + [prober, dropper]).contains(where: { !$0.isFinished }) { usleep(100_000) }

        let all = outcomes.withLock { $0 }
        let unanswered = all.filter { $0.exit != 0 || $0.status == 0 }
        #expect(unanswered.isEmpty, "\(unanswered.count) of \(all.count) requests got no HTTP answer")
        let expected: [String: Set<Int>] = ["list": [200], "download": [200], "upload": [202], "status": [200]]
        let wrong = all.filter { $0.status != 0 && !(expected[$0.operation]?.contains($0.status) ?? false) }
        #expect(wrong.isEmpty, "unexpected statuses: \(wrong.prefix(5).map { "\($0.operation) \($0.status)" })")
        #expect(all.count >= 64, "only \(all.count) requests were made")
        let probes = health.withLock { $0 }
        #expect(probes.count >= 10 && probes.allSatisfy { $0 == 200 }, "healthz: \(probes.filter { $0 != 200 }.count) of \(probes.count) failed")

        // Every upload and every dropped file is acknowledged exactly once.
        let wanted = uploads.withLock { $0 }.merging(drops.withLock { $0 }) { first, _ in first }
        #expect(wanted.count > 64)
        let waitUntil = Date().addingTimeInterval(180)
        var acked: [String: Int] = [:]
        repeat {
            acked = [:]
            for user in users {
                for ack in try h.acks(user) { if let file = ack["file"] as? String { acked[file, default: 0] += 1 } }
            }
            if wanted.keys.allSatisfy({ acked[$0] != nil }) { break }
            usleep(500_000)
        } while Date() < waitUntil
        let missing = wanted.keys.filter { acked[$0] == nil }
        #expect(missing.isEmpty, "\(missing.count) files were never acknowledged")
        #expect(wanted.keys.allSatisfy { (acked[$0] ?? 0) <= 1 }, "a file was acknowledged twice")
        #expect(h.daemonIsRunning)
        #expect(h.stopDaemon() == 0)
    }
}
