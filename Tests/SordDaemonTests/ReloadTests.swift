import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGHUP with the daemon as a subprocess: new limits and log level apply between batches, a bad file
/// is refused and the running configuration stays, and no work is lost or done twice.
@Suite("Reload", .serialized)
struct ReloadTests {
    /// Replaces `key = …` in `[section]` of the harness's configuration, adding it when missing.
    static func setConfig(_ h: DaemonHarness, _ section: String, _ key: String, _ value: String) throws {
        try setConfigFile(h.configPath, section, key, value)
    }

    /// Replaces `key = …` in `[section]` of the configuration file at `path`, adding it when missing.
    static func setConfigFile(_ path: String, _ section: String, _ key: String, _ value: String) throws {
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let header = lines.firstIndex(of: "[\(section)]") {
            // Replace the key in this section only (other sections may have a key of the same name).
            let end = lines[(header + 1)...].firstIndex { $0.hasPrefix("[") } ?? lines.endIndex
            let kept = lines[(header + 1)..<end].filter { !$0.hasPrefix(key + " =") }
            lines.replaceSubrange((header + 1)..<end, with: kept)
            lines.insert("\(key) = \(value)", at: header + 1)
        } else {
            lines += ["[\(section)]", "\(key) = \(value)"]
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Sends SIGHUP and waits for the READY=1 that ends the reload.
    static func reload(_ h: DaemonHarness, _ socket: NotifyTestSocket) throws {
        let daemon = try #require(h.daemon)
        kill(daemon.processIdentifier, SIGHUP)
        let messages = socket.receive(until: { $0.hasPrefix("READY=1") }, timeout: 15)
        #expect(messages.contains { $0.hasPrefix("RELOADING=1") }, "got \(messages)")
        #expect(messages.last?.hasPrefix("READY=1") == true, "got \(messages)")
    }

    static func count(_ text: String, _ marker: String) -> Int {
        text.components(separatedBy: marker).count - 1
    }

    static let document = #"{"type":"withdrawal","authorization":"A-1","clientRef":"padding-padding-padding-padding-padding-padding-padding-padding"}"#

    @Test("SIGHUP applies limits and log level; an invalid file is refused and the old configuration stays")
    func appliesAndRefuses() throws {
        let socket = try NotifyTestSocket()
        let h = try DaemonHarness()
        try h.addUser("dana.oak", keyType: "ec")
        try h.startDaemon(environment: ["NOTIFY_SOCKET": socket.address])
        _ = socket.receive(until: { $0.hasPrefix("READY=1") }, timeout: 30)
        #expect(Self.document.utf8.count > 100)

        try h.drop("dana.oak", "before.json", Self.document)
        let before = try #require(try h.waitForAck("dana.oak", file: "before.json"))
        #expect(!DaemonHarness.codes(before).contains("SUB-002"))
        #expect(Self.count(h.daemonLogText, "submission processed") == 1)

        // New limit and a quieter log level.
        try Self.setConfig(h, "inbox", "max_bytes", "100")
        try Self.setConfig(h, "log", "level", "\"warning\"")
        try Self.reload(h, socket)
        #expect(h.daemonLogText.contains("configuration reloaded"))
        try h.drop("dana.oak", "after.json", Self.document + " ")
        let after = try #require(try h.waitForAck("dana.oak", file: "after.json"))
        #expect(DaemonHarness.codes(after) == ["SUB-002"])
        #expect(Self.count(h.daemonLogText, "submission processed") == 1, "info lines still logged at level warning")

        // A bad file: refused with a logged error; the limit of 100 bytes still holds.
        try Self.setConfig(h, "inbox", "max_bytes", "\"lots\"")
        try Self.reload(h, socket)
        #expect(h.daemonLogText.contains("configuration reload refused"))
        #expect(h.daemonIsRunning)
        try h.drop("dana.oak", "refused.json", Self.document + "  ")
        let refused = try #require(try h.waitForAck("dana.oak", file: "refused.json"))
        #expect(DaemonHarness.codes(refused) == ["SUB-002"])
        #expect(h.stopDaemon() == 0)
    }

    @Test("Reloads while files stream in lose nothing and repeat nothing")
    func reloadUnderLoad() throws {
        let socket = try NotifyTestSocket()
        let h = try DaemonHarness(extraConfig: "[pipeline]\nbatch_size = 3")
        try h.addUser("dana.oak", keyType: "ec")
        try h.startDaemon(environment: ["NOTIFY_SOCKET": socket.address])
        let daemon = try #require(h.daemon)
        let names = (0..<30).map { "f\($0).json" }
        for (index, name) in names.enumerated() {
            try h.drop("dana.oak", name, #"{"type":"withdrawal","authorization":"A-\#(index)"}"#)
            if index % 5 == 4 {
                try Self.setConfig(h, "inbox", "rescan_seconds", "\(1 + index % 3)")
                kill(daemon.processIdentifier, SIGHUP)
            }
        }
        let deadline = Date().addingTimeInterval(90)
        var acks: [[String: Any]] = []
        while Date() < deadline {
            acks = try h.acks("dana.oak")
            if acks.count >= names.count { break }
            usleep(200_000)
        }
        usleep(1_500_000)  // anything repeated would show up now
        acks = try h.acks("dana.oak")
        let files = acks.compactMap { $0["file"] as? String }
        #expect(files.sorted() == names.sorted(), "each file exactly one ack")
        #expect(Set(acks.compactMap { $0["submission"] as? String }).count == names.count)
        // SIGHUPs sent close together may merge into one (a pending signal is a single bit).
        #expect((1...6).contains(Self.count(h.daemonLogText, "configuration reloaded")))
        #expect(h.stopDaemon() == 0)
    }
}
