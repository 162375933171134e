import Foundation
import Testing
import SordCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 9, crash test: the daemon is SIGKILLed at random moments while it works through a mixed
/// stream on generated data, then runs to completion; every SPEC 11 guarantee must still hold and the
/// CAF must end as in a crash-free run. `SORD_CRASH_LONG=1` kills 40 times instead of 6;
/// `SORD_CRASH_SEED=N` replays a run.
@Suite("Random crash", .serialized)
struct RandomCrashTests {
    @Test("SIGKILL at random moments keeps every guarantee", arguments: Store.allCases)
    func randomKills(store: Store) throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["SORD_CRASH_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64(UInt32.max))
        let kills = environment["SORD_CRASH_LONG"] == "1" ? 40 : 6
        print("RandomCrash seed \(seed), \(kills) kills (replay with SORD_CRASH_SEED=\(seed))")
        var random = SeededRandom(seed: seed)

        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sord-crash-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let world = try CrashWorld.make(in: data)
        let crashed = try world.harness(store: store)
        var nameControls: [String: String] = [:]
        for row in try crashed.sql("SELECT tin, name_control FROM entity") {
            let parts = row.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 2 { nameControls[String(parts[0])] = String(parts[1]) }
        }
        let year = try Day(parsing: Timestamp.day(Date())).year
        let inputs = world.inputs(nameControls: nameControls, year: year)
        #expect(inputs.count == 40)
        let user = world.user

        // The crashing run: most inputs up front, the rest in small batches between kills.
        let shuffled = inputs.shuffled(using: &random)
        let upFront = shuffled.prefix(32)
        var later = Array(shuffled.dropFirst(32))
        for input in upFront { try crashed.drop(user, input.name, input.bytes) }
        for round in 0..<kills {
            try crashed.startDaemon()
            usleep(UInt32.random(in: 30_000...400_000, using: &random))
            let pid = try #require(crashed.daemon?.processIdentifier)
            kill(pid, SIGKILL)
            #expect(crashed.waitForDaemonExit(timeout: 30) == .uncaughtSignal, "round \(round) did not die by SIGKILL")
            if !later.isEmpty && Bool.random(using: &random) {
                for input in later.prefix(3) { try crashed.drop(user, input.name, input.bytes) }
                later.removeFirst(min(3, later.count))
            }
        }
        for input in later { try crashed.drop(user, input.name, input.bytes) }
        let acksBeforeRecovery = crashed.mailboxFiles(user).filter { $0.contains(".ack.") }.count
        try crashed.startDaemon()
        #expect(crashed.waitForAckCount(user, inputs.count, timeout: 60) == inputs.count)
        #expect(crashed.stopDaemon() == 0)

        // The reference: the same world and inputs, no kills.
        let calm = try world.harness()
        for input in inputs { try calm.drop(user, input.name, input.bytes) }
        try calm.startDaemon()
        #expect(calm.waitForAckCount(user, inputs.count, timeout: 60) == inputs.count)
        #expect(calm.stopDaemon() == 0)

        // Exactly one ack per input, one submission per input.
        let acks = try crashed.acks(user)
        let ackCounts = Dictionary(grouping: acks, by: { $0["file"] as? String ?? "?" }).mapValues(\.count)
        for input in inputs { #expect(ackCounts[input.name] == 1, "seed \(seed): \(input.name) has \(ackCounts[input.name] ?? 0) acks") }
        #expect(acks.count == inputs.count, "seed \(seed)")
        #expect(try crashed.sql("SELECT COUNT(*) FROM submissions") == ["\(inputs.count)"], "seed \(seed)")

        // One transcript per delivered item, and every file an ack names is in the mailbox.
        let mailbox = Set(crashed.mailboxFiles(user))
        var delivered = 0
        for ack in acks {
            for item in ack["items"] as? [[String: Any]] ?? [] {
                if item["status"] as? String == "delivered" { delivered += 1 }
                for file in item["files"] as? [String] ?? [] {
                    #expect(mailbox.contains(file), "seed \(seed): \(ack["file"] ?? "?") names missing \(file)")
                }
            }
        }
        #expect(delivered > 0)
        print("RandomCrash seed \(seed): \(acksBeforeRecovery) of \(inputs.count) acks before the last start, \(delivered) transcripts")
        #expect(mailbox.filter { $0.contains(".transcript.") }.count == delivered, "seed \(seed)")

        // Nothing left half-done: no sor/*/tmp/ file, nothing in work/.
        let sor = crashed.spool + "/sor"
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: sor)) ?? [] {
            #expect(crashed.regularFiles(under: sor + "/" + folder + "/tmp").isEmpty, "seed \(seed): tmp of \(folder)")
        }
        #expect(crashed.regularFiles(under: crashed.spool + "/work").isEmpty, "seed \(seed): work/")

        // Every mailbox file opens with stock openssl (acks were opened above).
        for name in mailbox where !name.contains(".ack.") {
            #expect(!(try crashed.openWithOpenSSL(user: user, path: crashed.mailboxNew(user) + "/" + name)).isEmpty)
        }

        // Same CAF and the same outcome per input as the crash-free run.
        let caf = "SELECT id, status FROM caf_authorization ORDER BY id"
        let crashedCAF = try crashed.sql(caf)
        #expect(crashedCAF == (try calm.sql(caf)), "seed \(seed): CAF differs from the crash-free run")
        #expect(crashedCAF.filter { $0.hasSuffix("|withdrawn") }.count >= 4)
        let calmAcks = Dictionary(try calm.acks(user).map { ($0["file"] as? String ?? "?", $0) }) { first, _ in first }
        for input in inputs where !input.orderSensitive {
            let mine = acks.first { $0["file"] as? String == input.name }
            #expect(mine?["status"] as? String == calmAcks[input.name]?["status"] as? String, "seed \(seed): \(input.name)")
            #expect(Self.codes(mine) == Self.codes(calmAcks[input.name]), "seed \(seed): \(input.name)")
        }
        let withdrawalsAccepted = acks.filter { ($0["file"] as? String ?? "").hasPrefix("withdraw-") && $0["status"] as? String == "accepted" }
        #expect(withdrawalsAccepted.count == 4, "seed \(seed): one acceptance per authorization withdrawn")
    }

    /// Every error code of an ack, top level and per item, sorted.
    static func codes(_ ack: [String: Any]?) -> [String] {
        guard let ack else { return [] }
        return (DaemonHarness.codes(ack) + DaemonHarness.itemCodes(ack).flatMap { $0 }).sorted()
    }
}
