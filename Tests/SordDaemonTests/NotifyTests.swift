import Foundation
import Testing
@testable import SordDaemon
#if canImport(Glibc)
import Glibc
#endif

/// A Unix datagram socket standing in for systemd's notify socket: a file path or an abstract name.
final class NotifyTestSocket: @unchecked Sendable {
    let fd: Int32
    /// What to put into `NOTIFY_SOCKET`.
    let address: String
    private let path: String?

    init(abstract: Bool = false) throws {
        let name = "sord-notify-\(UUID().uuidString.prefix(12))"
        path = abstract ? nil : NSTemporaryDirectory() + name + ".sock"
        address = abstract ? "@" + name : path!
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var sockaddr = sockaddr_un()
        sockaddr.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(address.utf8)
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &sockaddr.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (abstract ? 0 : 1))
        let bound = withUnsafePointer(to: &sockaddr) {
            $0.withMemoryRebound(to: Glibc.sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard fd >= 0, bound == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    deinit {
        close(fd)
        if let path { unlink(path) }
    }

    /// The next datagram, or nil when none comes within `timeout` seconds.
    func receive(timeout: Double) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count < 0 ? nil : String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// Datagrams until one satisfies `stop` (included) or `timeout` seconds pass.
    func receive(until stop: (String) -> Bool, timeout: Double) -> [String] {
        var messages: [String] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, let message = receive(timeout: deadline.timeIntervalSinceNow) {
            messages.append(message)
            if stop(message) { break }
        }
        return messages
    }
}

@Suite("sd_notify")
struct NotifyTests {
    @Test("One datagram per message reaches a path socket and an abstract socket", arguments: [false, true])
    func delivers(abstract: Bool) throws {
        let socket = try NotifyTestSocket(abstract: abstract)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address])
        #expect(notifier.isEnabled)
        notifier.ready(status: "Idle; 0 files queued")
        notifier.watchdog()
        notifier.stopping()
        #expect(socket.receive(timeout: 2) == "READY=1\nSTATUS=Idle; 0 files queued")
        #expect(socket.receive(timeout: 2) == "WATCHDOG=1")
        #expect(socket.receive(timeout: 2) == "STOPPING=1\nSTATUS=Stopping")
    }

    @Test("RELOADING=1 carries CLOCK_MONOTONIC in microseconds")
    func reloadingTimestamp() throws {
        let socket = try NotifyTestSocket()
        let before = SystemdNotifier.monotonicMicroseconds()
        SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address]).reloading()
        let after = SystemdNotifier.monotonicMicroseconds()
        let lines = try #require(socket.receive(timeout: 2)).split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
        #expect((before...after).contains(stamp))
    }

    @Test("Without NOTIFY_SOCKET (or with a relative one) nothing is sent and no watchdog runs",
          arguments: [[:], ["NOTIFY_SOCKET": "relative.sock", "WATCHDOG_USEC": "1000000"], ["WATCHDOG_USEC": "1000000"]])
    func disabled(environment: [String: String]) {
        let notifier = SystemdNotifier(environment: environment)
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogInterval == nil)
        #expect(!notifier.send(["READY=1"]))
    }

    @Test("The watchdog interval is half of WATCHDOG_USEC, and only for the process WATCHDOG_PID names",
          arguments: [
            (["WATCHDOG_USEC": "30000000"], Duration.seconds(15)),
            (["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "42"], Duration.seconds(15)),
            (["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "43"], nil),
            (["WATCHDOG_USEC": "0"], nil),
            (["WATCHDOG_USEC": "soon"], nil),
          ] as [([String: String], Duration?)])
    func watchdogInterval(environment: [String: String], expected: Duration?) {
        let notifier = SystemdNotifier(environment: environment.merging(["NOTIFY_SOCKET": "/run/systemd/notify"]) { a, _ in a },
                                       pid: 42)
        #expect(notifier.watchdogInterval == expected)
    }

    @Test("The heartbeat pings at most once per half interval, and only when the loop beats")
    func heartbeatPacing() throws {
        let socket = try NotifyTestSocket()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "4000000"])
        var heartbeat = try #require(WatchdogHeartbeat(notifier: notifier))
        #expect(heartbeat.interval == .seconds(2))
        let start = ContinuousClock.now
        let sent = [0, 500, 999, 1000].map { heartbeat.beat(now: start + .milliseconds($0)) }
        #expect(sent == [true, false, false, true])
        #expect(socket.receive(timeout: 2) == "WATCHDOG=1")
        #expect(socket.receive(timeout: 2) == "WATCHDOG=1")
        // A loop that does not beat sends nothing, however much time passes.
        #expect(socket.receive(timeout: 0.3) == nil)
    }

    @Test("A notify socket nobody reads never stalls the sender")
    func unreadSocket() throws {
        let socket = try NotifyTestSocket()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address])
        let started = ContinuousClock.now
        // Far more than the kernel queues for an unread datagram socket (net.unix.max_dgram_qlen).
        for _ in 0..<2_000 { notifier.watchdog() }
        notifier.status("Idle; 0 files queued")
        #expect(ContinuousClock.now - started < .seconds(1))
        // A state change waits a little for room, then gives up.
        let stateChange = ContinuousClock.now
        notifier.stopping()
        #expect(ContinuousClock.now - stateChange < .seconds(2))
        #expect(socket.receive(timeout: 1) == "WATCHDOG=1")
    }

    @Test("The daemon reports READY, WATCHDOG, RELOADING/READY around SIGHUP and STOPPING, in order")
    func daemonLifecycle() throws {
        let socket = try NotifyTestSocket(abstract: true)
        let h = try DaemonHarness()
        try h.addUser("dana.oak")
        try h.startDaemon(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "1000000"])
        let daemon = try #require(h.daemon)

        let startup = socket.receive(until: { $0.hasPrefix("READY=1") }, timeout: 30)
        #expect(startup.last?.hasPrefix("READY=1\nSTATUS=") == true, "got \(startup)")
        // The idle loop keeps pinging (every half second for WATCHDOG_USEC=1s).
        let pings = socket.receive(until: { _ in false }, timeout: 2.2).filter { $0 == "WATCHDOG=1" }
        #expect(pings.count >= 2)

        // Work shows in STATUS with the queue depth and the loop keeps pinging.
        try h.drop("dana.oak", "w.json", #"{"type":"withdrawal","authorization":"A-1"}"#)
        _ = try #require(try h.waitForAck("dana.oak", file: "w.json"))

        let beforeReload = SystemdNotifier.monotonicMicroseconds()
        kill(daemon.processIdentifier, SIGHUP)
        let reload = socket.receive(until: { $0.hasPrefix("READY=1") }, timeout: 10).filter { $0 != "WATCHDOG=1" && !$0.hasPrefix("STATUS=") }
        #expect(reload.count == 2, "got \(reload)")
        let reloading = reload.first?.split(separator: "\n") ?? []
        #expect(reloading.first == "RELOADING=1")
        let stamp = reloading.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) } ?? 0
        #expect(stamp >= beforeReload && stamp <= SystemdNotifier.monotonicMicroseconds())
        #expect(reload.last?.hasPrefix("READY=1") == true)

        kill(daemon.processIdentifier, SIGTERM)
        let shutdown = socket.receive(until: { $0.hasPrefix("STOPPING=1") }, timeout: 10)
        #expect(shutdown.last == "STOPPING=1\nSTATUS=Stopping", "got \(shutdown)")
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        // Nothing after STOPPING=1 claims readiness again.
        let after = socket.receive(until: { _ in false }, timeout: 0.5)
        #expect(!after.contains { $0.contains("READY=1") })
    }
}
