import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The daemon under the conditions an operator and an attacker bring (issue 13): a busy database,
/// a full disk, odd inbox entries, slow and idle clients. It stays up, says why it waits, loses
/// nothing, and finishes once the condition clears, without a restart.
@Suite("Reliability end to end", .serialized)
struct ReliabilityTests {
    static let document = #"{"type":"withdrawal","authorization":"A-1"}"#

    /// A harness with practitioner dana, listeners on, rescans every second, settle 0.
    static func harness(maxBytes: Int = 8 * 1024 * 1024) throws -> (DaemonHarness, DaemonHarness.Listeners) {
        let h = try DaemonHarness()
        let ports = try h.enableListeners(maxBytes: maxBytes)
        try ReloadTests.setConfig(h, "inbox", "settle_seconds", "0")
        try h.addUser("dana.oak")
        return (h, ports)
    }

    /// Polls `/readyz` until its body contains `text`; returns the last body.
    static func waitForReadiness(_ h: DaemonHarness, _ port: Int, containing text: String, timeout: TimeInterval = 60) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var body = ""
        while Date() < deadline {
            body = (try? h.http("/readyz", port: port, maxTime: 5))?.text ?? ""
            if body.contains(text) { return body }
            usleep(200_000)
        }
        return body
    }

    // MARK: A busy database

    @Test("Another writer holding the database makes the daemon wait and say so, never exit; the files are answered after")
    func busyDatabase() throws {
        let (h, ports) = try Self.harness()
        try h.startDaemon()
        // sqlite3 holds the write lock for 20 s: longer than the daemon's 10 s busy timeout.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "(echo 'BEGIN IMMEDIATE;'; sleep 20; echo 'COMMIT;') | /usr/bin/sqlite3 '\(h.database)'"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        usleep(500_000)
        for i in 0..<3 { try h.drop("dana.oak", "busy-\(i).json", #"{"type":"withdrawal","authorization":"B-\#(i)"}"#) }
        let waiting = Self.waitForReadiness(h, ports.metrics, containing: "database-busy", timeout: 30)
        #expect(waiting.contains("not ready: database-busy"), "readyz: \(waiting)")
        let status = try h.sord(["status"])
        #expect(status.out.contains("database-busy"), "status: \(status.out)")
        let metrics = try h.http("/metrics", port: ports.metrics).text
        #expect(metrics.contains(#"sord_trouble{kind="database-busy"} 1.0"#), "\(metrics.split(separator: "\n").filter { $0.contains("trouble") })")
        #expect(h.daemonIsRunning)
        holder.waitUntilExit()
        for i in 0..<3 { #expect(try h.waitForAck("dana.oak", file: "busy-\(i).json", timeout: 90) != nil) }
        #expect(Self.waitForReadiness(h, ports.metrics, containing: "ready", timeout: 30).hasPrefix("ready"))
        #expect(h.daemonLogText.contains("database-busy cleared"))
        #expect(h.stopDaemon() == 0)
    }

    @Test("An import of many records while the daemon runs: the daemon stays up and answers files meanwhile")
    func importWhileRunning() throws {
        let (h, _) = try Self.harness()
        let data = h.root.appendingPathComponent("data").path
        #expect(try h.sord(["generate", "--taxpayers", "20000", "--seed", "7", "--out", data]).status == 0)
        try h.startDaemon()
        let files = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasSuffix(".jsonl") }.sorted()
        let importer = Thread {
            _ = try? h.sord(["import"] + files.map { data + "/" + $0 })
        }
        importer.start()
        var n = 0
        while !importer.isFinished {
            try h.drop("dana.oak", "during-\(n).json", #"{"type":"withdrawal","authorization":"I-\#(n)"}"#)
            n += 1
            usleep(300_000)
        }
        for i in 0..<n { #expect(try h.waitForAck("dana.oak", file: "during-\(i).json", timeout: 90) != nil) }
        #expect(h.daemonIsRunning)
        #expect(try h.sord(["audit", "verify"]).status == 0)
        #expect(h.stopDaemon() == 0)
    }

    // MARK: A full disk

    /// Mounts a tmpfs of `megabytes` at `path`; nil (with the reason) where mounting is impossible.
    static func mountSmallDisk(_ path: String, megabytes: Int) throws -> String? {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = try DaemonHarness.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", path])
        return result.status == 0 ? nil : "cannot mount a small file system here (\(result.err.trimmingCharacters(in: .whitespacesAndNewlines)))"
    }

    /// Fills the file system holding `path` with the file `name` (removed to free the space).
    static func fill(_ path: String, name: String = "filler") throws -> String {
        let filler = path + "/" + name
        _ = try DaemonHarness.run("/bin/sh", ["-c", "dd if=/dev/zero of='\(filler)' bs=4k 2>/dev/null; sync"])
        return filler
    }

    @Test("The disk holding the database and the spool fills up: the daemon waits and reports, then finishes everything once space returns")
    func diskFull() throws {
        let (h, ports) = try Self.harness()
        let small = h.root.appendingPathComponent("small").path
        if let reason = try Self.mountSmallDisk(small, megabytes: 24) {
            Issue.record(Comment(rawValue: "skipped: \(reason)"), severity: .warning)
            return
        }
        defer { _ = try? DaemonHarness.run("/bin/umount", ["-l", small]) }
        // The whole spool, database included, on the small disk.
        let spool = small + "/spool"
        var text = try String(contentsOfFile: h.configPath, encoding: .utf8)
        text = text.replacingOccurrences(of: h.spool + "/state/sord.sqlite", with: spool + "/state/sord.sqlite")
            .replacingOccurrences(of: "spool = \"\(h.spool)\"", with: "spool = \"\(spool)\"")
        try text.write(toFile: h.configPath, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: h.spool, toPath: spool)
        try FileManager.default.removeItem(atPath: h.spool)
        symlink(spool, h.spool)  // the harness's paths (inbox, mailbox) still lead there
        try h.startDaemon()
        try h.drop("dana.oak", "before.json", Self.document)
        #expect(try h.waitForAck("dana.oak", file: "before.json") != nil)

        // The daemon stopped, the disk filled but for a little room, five files dropped into it,
        // the last of the space taken, and the daemon started again on the full disk.
        #expect(h.stopDaemon() == 0)
        let reserve = spool + "/reserve"
        try Data(count: 256 * 1024).write(to: URL(fileURLWithPath: reserve))
        let filler = try Self.fill(spool)
        try FileManager.default.removeItem(atPath: reserve)
        for i in 0..<5 { try h.drop("dana.oak", "full-\(i).json", #"{"type":"withdrawal","authorization":"F-\#(i)"}"#) }
        let rest = try Self.fill(spool, name: "rest")
        try h.startDaemon()
        let waiting = Self.waitForReadiness(h, ports.metrics, containing: "disk-full", timeout: 60)
        #expect(waiting.contains("not ready: disk-full"), "readyz: \(waiting) \(h.daemonLogText.split(separator: "\n").suffix(30).joined(separator: "\n"))")
        #expect(try h.sord(["status"]).out.contains("disk-full"))
        // An upload now is 507, and `sord submit` leaves nothing behind.
        let body = h.root.appendingPathComponent("up.json").path
        try #"{"type":"withdrawal","authorization":"U-1","clientRef":"a fairly long reference to need a block"}"#.write(toFile: body, atomically: true, encoding: .utf8)
        let put = try h.https("PUT", "/v1/inbox/up.json", port: ports.api, user: "dana.oak", upload: body)
        #expect(put.status == 507 || put.status == 202, "PUT on a full disk: \(put.status) \(put.text)")
        let submit = try h.sord(["submit", "--user", "dana.oak", body])
        #expect(submit.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.inbox("dana.oak")).allSatisfy { !$0.hasSuffix(".part") })
        sleep(3)
        #expect(h.daemonIsRunning, "the daemon exited on a full disk")

        // Space returns: everything is answered without a restart.
        try FileManager.default.removeItem(atPath: filler)
        try FileManager.default.removeItem(atPath: rest)
        for i in 0..<5 { #expect(try h.waitForAck("dana.oak", file: "full-\(i).json", timeout: 120) != nil, "full-\(i).json") }
        #expect(Self.waitForReadiness(h, ports.metrics, containing: "ready", timeout: 60).hasPrefix("ready"),
                "\(h.daemonLogText.split(separator: "\n").suffix(40).joined(separator: "\n"))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool + "/work").isEmpty)
        #expect(try h.sord(["audit", "verify"]).status == 0)
        #expect(h.stopDaemon() == 0)
    }

    // MARK: Odd inbox entries

    @Test("An inbox entry that cannot be moved gets one ack and the queue goes on, across restarts")
    func unclaimableEntry() throws {
        let (h, _) = try Self.harness()
        let odd = h.inbox("dana.oak") + "/stuck"
        try FileManager.default.createDirectory(atPath: odd, withIntermediateDirectories: true)
        // An immutable folder cannot be renamed, even by root: the stand-in for another user's folder.
        guard (try DaemonHarness.run("/usr/bin/chattr", ["+i", odd])).status == 0 else {
            Issue.record(Comment(rawValue: "skipped: chattr +i is not supported on this file system"), severity: .warning)
            return
        }
        defer { _ = try? DaemonHarness.run("/usr/bin/chattr", ["-i", odd]) }
        try h.drop("dana.oak", "good.json", Self.document)
        for _ in 0..<2 {
            try h.startDaemon()
            #expect(try h.waitForAck("dana.oak", file: "good.json") != nil)
            sleep(3)  // several rescans
            #expect(h.daemonIsRunning)
            #expect(h.stopDaemon() == 0)
        }
        let stuck = try h.acks("dana.oak").filter { $0["file"] as? String == "stuck" }
        #expect(stuck.count == 1, "one ack for the stuck entry, got \(stuck.count)")
        #expect(DaemonHarness.codes(stuck.first) == ["SUB-001"])
    }

    @Test("An inbox folder replaced by a symlink is refused, never followed; the other inboxes go on")
    func linkedInbox() throws {
        let (h, _) = try Self.harness()
        try h.addUser("erin.ash", first: "Erin", last: "Ash", tin: "400-55-9876")
        let outside = h.root.appendingPathComponent("outside").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Self.document.write(toFile: outside + "/secret.json", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: h.inbox("dana.oak"))
        #expect(symlink(outside, h.inbox("dana.oak")) == 0)
        try h.startDaemon()
        try h.drop("erin.ash", "fine.json", Self.document)
        #expect(try h.waitForAck("erin.ash", file: "fine.json") != nil)
        sleep(3)
        #expect(FileManager.default.fileExists(atPath: outside + "/secret.json"), "a file outside the spool was claimed")
        #expect(h.mailboxFiles("dana.oak").isEmpty)
        #expect(h.daemonLogText.contains("inbox folder refused"))
        #expect(h.daemonIsRunning)
        #expect(h.stopDaemon() == 0)
    }

    // MARK: Slow, idle and too many clients

    /// Opens a plain TCP connection to 127.0.0.1:`port`; returns the descriptor.
    static func connectTCP(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return fd
    }

    /// Whether the server closed `fd` within `seconds` (a read returns 0 or an error).
    static func closedByServer(_ fd: Int32, within seconds: Int) -> Bool {
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var byte: UInt8 = 0
        while true {
            let n = recv(fd, &byte, 1, 0)
            if n == 0 { return true }
            if n < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        }
    }

    @Test("Idle, half-open and trickling connections are closed; a connection cap and scarce descriptors never stop the API or the queue")
    func slowClients() throws {
        let (h, ports) = try Self.harness()
        try ReloadTests.setConfig(h, "api", "header_timeout_seconds", "2")
        try ReloadTests.setConfig(h, "api", "body_timeout_seconds", "3")
        try ReloadTests.setConfig(h, "api", "max_connections", "40")
        // Few descriptors, as a small systemd limit would give.
        try h.startDaemon(wrapper: ["/usr/bin/prlimit", "--nofile=256:256", "--"])
        // 300 connections that never start TLS: more than the cap, more than the descriptors.
        let idle = (0..<300).map { _ in Self.connectTCP(ports.api) }
        defer { idle.forEach { close($0) } }
        // The queue goes on and health answers meanwhile.
        try h.drop("dana.oak", "during.json", Self.document)
        #expect(try h.waitForAck("dana.oak", file: "during.json") != nil)
        #expect((try h.http("/healthz", port: ports.metrics, maxTime: 5)).status == 200)
        // Every idle connection is closed within the header timeout (plus the wait for the cap).
        #expect(idle.prefix(20).allSatisfy { Self.closedByServer($0, within: 30) })
        // A real client gets through once the idle ones are gone.
        #expect(try h.https("GET", "/v1/mailbox", port: ports.api, user: "dana.oak").status == 200)
        #expect(h.daemonIsRunning)
        #expect(h.stopDaemon() == 0)
    }

    // MARK: The audit chain's end

    @Test("Deleting the last audit entries, or all of them, is reported as a truncated chain")
    func auditTruncation() throws {
        for deletion in ["DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)",
                         "DELETE FROM audit WHERE seq > (SELECT MAX(seq) - 10 FROM audit)",
                         "DELETE FROM audit"] {
            let (h, _) = try Self.harness()
            try h.startDaemon()
            for i in 0..<12 { try h.drop("dana.oak", "a-\(i).json", #"{"type":"withdrawal","authorization":"T-\#(i)"}"#) }
            for i in 0..<12 { #expect(try h.waitForAck("dana.oak", file: "a-\(i).json") != nil) }
            #expect(h.stopDaemon() == 0)
            #expect(try h.sord(["audit", "verify"]).status == 0)
            _ = try DaemonHarness.run("/usr/bin/sqlite3", [h.database, deletion])
            let verify = try h.sord(["audit", "verify"])
            #expect(verify.status == 1, "\(deletion): \(verify.out)")
            #expect(verify.err.contains("truncated"), "\(deletion): \(verify.err)")
        }
    }

    // MARK: File modes

    @Test("The database files are private whatever the umask")
    func databaseModes() throws {
        let (h, _) = try Self.harness()
        try h.startDaemon()
        try h.drop("dana.oak", "m.json", Self.document)
        #expect(try h.waitForAck("dana.oak", file: "m.json") != nil)
        #expect(h.stopDaemon() == 0)
        _ = try DaemonHarness.run("/bin/sh", ["-c", "umask 022; '\(DaemonHarness.sordBinary)' status --config '\(h.configPath)'"])
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: h.database + suffix) {
            let mode = try FileManager.default.attributesOfItem(atPath: h.database + suffix)[.posixPermissions] as? Int
            #expect(mode == 0o600, "sord.sqlite\(suffix) is \(String(mode ?? 0, radix: 8))")
        }
    }
}
