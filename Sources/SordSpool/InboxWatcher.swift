import Foundation
import SordCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Something that happened in the inbox tree.
public enum InboxEvent: Sendable, Equatable {
    /// A file is complete: its last writer closed it, or it was renamed into a user's inbox.
    case file(UserID, String)
    /// A file is open or being written: never claim it until `file` or `released` (SPEC 4).
    case writing(UserID, String)
    /// The last process that had a file open closed it without writing, or it was removed or
    /// renamed away: no longer known to be written.
    case released(UserID, String)
    /// A new user folder appeared: scan everything.
    case rescan
    /// Events were lost (the kernel's queue overflowed): forget what is known to be open, and
    /// scan everything.
    case overflow
}

/// Watches `inbox/` and every `inbox/<user>/` with inotify on a thread of its own, and hands the
/// events out as an `AsyncStream`. It counts the openers of each file (open, modify, close), so a
/// file a writer holds open — however long it pauses — is reported `writing` once and `file` when
/// its last writer closes it; thousands of writes make one event. The periodic rescan in the daemon
/// covers anything inotify might drop.
public final class InboxWatcher: Sendable {
    private let layout: SpoolLayout
    private let fd: Int32
    private let stopped = Atomic<Bool>(false)
    private let watches = Mutex<[Int32: UserID]>([:])
    /// Openers per file and whether one of them wrote; read and written on the watcher thread only.
    private let openers = Mutex<[OpenFile: (count: Int, wrote: Bool)]>([:])
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
            let mask = IN_OPEN | IN_MODIFY | IN_CLOSE_WRITE | IN_CLOSE_NOWRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE
                | IN_ONLYDIR | IN_DONT_FOLLOW
            let wd = inotify_add_watch(fd, layout.inbox(user), UInt32(mask))
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
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            openers.withLock { $0.removeAll() }
            continuation.yield(.overflow)
            return
        }
        if event.wd == rootWatch {
            try? watchUserFolders()
            continuation.yield(.rescan)
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            _ = watches.withLock { $0.removeValue(forKey: event.wd) }
            return
        }
        guard let user = watches.withLock({ $0[event.wd] }), !name.isEmpty, mask & UInt32(IN_ISDIR) == 0,
              InboxName.classify(name) != .ignore else { return }
        let file = OpenFile(user: user, name: name)
        if mask & UInt32(IN_MOVED_TO) != 0 {
            openers.withLock { _ = $0.removeValue(forKey: file) }
            continuation.yield(.file(user, name))
        } else if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 {
            if openers.withLock({ $0.removeValue(forKey: file) }) != nil { continuation.yield(.released(user, name)) }
        } else if mask & UInt32(IN_OPEN | IN_MODIFY) != 0 {
            let first = openers.withLock { all in
                var state = all[file] ?? (0, false)
                let first = state.count == 0
                if mask & UInt32(IN_OPEN) != 0 { state.count += 1 } else { state.count = max(state.count, 1) }
                if mask & UInt32(IN_MODIFY) != 0 { state.wrote = true }
                all[file] = state
                return first
            }
            if first { continuation.yield(.writing(user, name)) }
        } else if mask & UInt32(IN_CLOSE_WRITE | IN_CLOSE_NOWRITE) != 0 {
            // A close without a matching open (the file was opened before the watch) counts too.
            let closedWrite = mask & UInt32(IN_CLOSE_WRITE) != 0
            let wrote = openers.withLock { all -> Bool? in
                guard var state = all[file] ?? (closedWrite ? (1, true) : nil) else { return nil }
                state.count -= 1
                state.wrote = state.wrote || closedWrite
                if state.count > 0 {
                    all[file] = state
                    return nil
                }
                all.removeValue(forKey: file)
                return state.wrote
            }
            switch wrote {
            case true?: continuation.yield(.file(user, name))
            case false?: continuation.yield(.released(user, name))
            case nil: break
            }
        }
    }
}

/// A file in a user's inbox, as the watcher tracks its openers.
private struct OpenFile: Hashable {
    let user: UserID
    let name: String
}
