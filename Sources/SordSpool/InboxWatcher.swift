import Foundation
import SordCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Something that happened in the inbox tree.
public enum InboxEvent: Sendable, Equatable {
    /// A file was closed after writing, or renamed into a user's inbox.
    case file(UserID, String)
    /// Events may have been missed (queue overflow, new user folder): scan everything.
    case rescan
}

/// Watches `inbox/` and every `inbox/<user>/` with inotify (close-after-write and moved-in) on a
/// thread of its own, and hands the events out as an `AsyncStream`. The periodic rescan in the
/// daemon covers anything inotify might drop.
public final class InboxWatcher: Sendable {
    private let layout: SpoolLayout
    private let fd: Int32
    private let stopped = Atomic<Bool>(false)
    private let watches = Mutex<[Int32: UserID]>([:])
    private let rootWatch: Int32
    /// The events, in order. Ends when `stop()` is called.
    public let events: AsyncStream<InboxEvent>
    private let continuation: AsyncStream<InboxEvent>.Continuation

    /// Starts watching; the inbox root must exist.
    public init(layout: SpoolLayout) throws {
        self.layout = layout
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw SpoolError("inotify_init1") }
        rootWatch = inotify_add_watch(fd, layout.inboxRoot, UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR))
        guard rootWatch >= 0 else {
            close(fd)
            throw SpoolError("inotify_add_watch \(layout.inboxRoot)")
        }
        (events, continuation) = AsyncStream.makeStream(of: InboxEvent.self, bufferingPolicy: .unbounded)
        try watchUserFolders()
        let thread = Thread { [self] in self.readLoop() }
        thread.name = "sord-inotify"
        thread.start()
    }

    /// Stops the watcher thread and finishes the event stream.
    public func stop() {
        stopped.store(true, ordering: .releasing)
    }

    /// Adds a watch for every user folder not yet watched (new folders appear as users are added).
    public func watchUserFolders() throws {
        for name in try Durable.list(layout.inboxRoot) {
            guard let user = UserID(name) else { continue }
            let wd = inotify_add_watch(fd, layout.inbox(user), UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR | IN_DONT_FOLLOW))
            if wd >= 0 { watches.withLock { $0[wd] = user } }
        }
    }

    private func readLoop() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer {
            buffer.deallocate()
            close(fd)
            continuation.finish()
        }
        while !stopped.load(ordering: .acquiring) {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 250)
            if ready <= 0 { continue }
            let n = read(fd, buffer, size)
            if n <= 0 { continue }
            var offset = 0
            while offset < n {
                let event = (buffer + offset).assumingMemoryBound(to: inotify_event.self).pointee
                let nameLength = Int(event.len)
                var name = ""
                if nameLength > 0 {
                    name = String(cString: (buffer + offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self))
                }
                offset += MemoryLayout<inotify_event>.size + nameLength
                handle(event: event, name: name)
            }
        }
    }

    private func handle(event: inotify_event, name: String) {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            continuation.yield(.rescan)
            return
        }
        if event.wd == rootWatch {
            try? watchUserFolders()
            continuation.yield(.rescan)
            return
        }
        if event.mask & UInt32(IN_IGNORED) != 0 {
            _ = watches.withLock { $0.removeValue(forKey: event.wd) }
            return
        }
        guard let user = watches.withLock({ $0[event.wd] }), !name.isEmpty else { return }
        continuation.yield(.file(user, name))
    }
}
