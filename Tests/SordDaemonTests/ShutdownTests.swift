import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM with the daemon as a subprocess: it stops claiming, finishes the batch in flight, exits 0,
/// and a restart picks up exactly what was left.
@Suite("Shutdown", .serialized)
struct ShutdownTests {
    static func contents(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    static func archived(_ h: DaemonHarness) -> [String] {
        contents(h.spool + "/archive").flatMap { contents(h.spool + "/archive/" + $0) }
    }

    @Test("SIGTERM while busy: exit 0, nothing half done, and a restart finishes the rest exactly once")
    func gracefulWhileBusy() throws {
        let h = try DaemonHarness(extraConfig: "[pipeline]\nbatch_size = 4\nshutdown_grace_seconds = 20")
        try h.addUser("dana.oak")
        try h.startDaemon()
        let daemon = try #require(h.daemon)
        let names = (0..<60).map { "f\($0).json" }
        for (index, name) in names.enumerated() {
            try h.drop("dana.oak", name, #"{"type":"withdrawal","authorization":"A-\#(index)"}"#)
        }
        // Wait until processing has started, then ask it to stop.
        let started = Date()
        while h.mailboxFiles("dana.oak").isEmpty && Date().timeIntervalSince(started) < 30 { usleep(10_000) }
        let sent = Date()
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit)
        #expect(daemon.terminationStatus == 0)
        #expect(Date().timeIntervalSince(sent) < 20)
        #expect(h.daemonLogText.contains("sord stopped"))

        // Nothing in flight was abandoned: work/ and every mailbox tmp/ are empty, and each input is
        // either still waiting in the inbox or archived with exactly one ack.
        #expect(Self.contents(h.spool + "/work").isEmpty)
        #expect(Self.contents(h.spool + "/sor/dana.oak/tmp").isEmpty)
        let waiting = Self.contents(h.inbox("dana.oak"))
        let acked = try h.acks("dana.oak").compactMap { $0["file"] as? String }
        #expect(Set(waiting).isDisjoint(with: acked))
        #expect((waiting + acked).sorted() == names.sorted())
        #expect(Self.archived(h).count == acked.count)

        // The restart processes the rest; every file ends with exactly one ack.
        try h.startDaemon()
        let deadline = Date().addingTimeInterval(90)
        while (try h.acks("dana.oak")).count < names.count && Date() < deadline { usleep(200_000) }
        let all = try h.acks("dana.oak").compactMap { $0["file"] as? String }
        #expect(all.sorted() == names.sorted())
        #expect(h.stopDaemon() == 0)
    }

    @Test("SIGTERM when idle exits 0 at once")
    func idle() throws {
        let h = try DaemonHarness()
        try h.startDaemon()
        let started = Date()
        #expect(h.stopDaemon() == 0)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(h.daemonLogText.contains("sord stopped"))
    }
}
