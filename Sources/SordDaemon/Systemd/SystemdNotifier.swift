import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd about the daemon's state (sd_notify(3)) without libsystemd: one datagram per message
/// to the Unix socket named by `$NOTIFY_SOCKET`, where a leading `@` names an abstract socket.
/// Without `$NOTIFY_SOCKET` every call does nothing, so the daemon runs the same outside systemd.
public struct SystemdNotifier: Sendable {
    /// The socket address as systemd gave it, or nil when not started by systemd.
    public let socketPath: String?
    /// How often the processing loop should send `WATCHDOG=1` (half of `$WATCHDOG_USEC`), or nil when
    /// systemd asked for no watchdog (or asked another process, `$WATCHDOG_PID`).
    public let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, pid: pid_t = getpid()) {
        if let path = environment["NOTIFY_SOCKET"], path.count > 1, path.hasPrefix("/") || path.hasPrefix("@") {
            socketPath = path
        } else {
            socketPath = nil
        }
        let forUs = environment["WATCHDOG_PID"].map { pid_t($0) == pid } ?? true
        if socketPath != nil, forUs, let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 {
            watchdogInterval = .microseconds(Int64(usec / 2))
        } else {
            watchdogInterval = nil
        }
    }

    /// Whether messages go anywhere.
    public var isEnabled: Bool { socketPath != nil }

    /// Start-up finished (recovered, listening).
    public func ready(status: String) { send(["READY=1", "STATUS=" + status], wait: true) }

    /// A configuration reload begins; systemd expects `READY=1` when it is done.
    public func reloading() { send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"], wait: true) }

    /// The reload is over (applied or refused).
    public func reloaded(status: String) { send(["READY=1", "STATUS=" + status], wait: true) }

    /// Shutdown has begun.
    public func stopping() { send(["STOPPING=1", "STATUS=Stopping"], wait: true) }

    /// The processing loop is alive (dropped if systemd is not reading; the next one follows soon).
    public func watchdog() { send(["WATCHDOG=1"]) }

    /// A one-line status for `systemctl status` (dropped if systemd is not reading).
    public func status(_ text: String) { send(["STATUS=" + text]) }

    /// Longest a state change waits for room in systemd's socket queue.
    static let sendTimeout = timeval(tv_sec: 0, tv_usec: 500_000)

    /// Sends `KEY=value` lines as one datagram; returns whether it was sent. The processing loop never
    /// blocks on systemd: periodic messages are dropped when the socket's queue is full, state changes
    /// (`wait`) wait at most `sendTimeout`. Failures are not fatal: the daemon keeps working even if
    /// systemd went away.
    @discardableResult
    public func send(_ lines: [String], wait: Bool = false) -> Bool {
        guard let socketPath else { return false }
        var path = Array(socketPath.utf8)
        let abstract = path.first == UInt8(ascii: "@")
        if abstract { path[0] = 0 }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count + (abstract ? 0 : 1) <= capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + path.count + (abstract ? 0 : 1))

        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var timeout = Self.sendTimeout
        if wait { setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size)) }
        let flags = Int32(MSG_NOSIGNAL) | (wait ? 0 : Int32(MSG_DONTWAIT))
        let message = Array(lines.joined(separator: "\n").utf8)
        let sent = message.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, buffer.baseAddress, buffer.count, flags, $0, length)
                }
            }
        }
        return sent == message.count
    }

    /// `CLOCK_MONOTONIC` in microseconds, the clock systemd compares `MONOTONIC_USEC` with.
    public static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
