import Synchronization
import SordSpool

/// Inbox events waiting for the processing loop. The watcher adds them as they come; the loop
/// takes all of them at once before each batch, so a file dropped while a bulk backlog is worked
/// is queued (and, user by user, taken) before the rest of that backlog, and a burst of drops is
/// claimed in full batches rather than one file at a time.
final class InboxEventBuffer: Sendable {
    private let events = Mutex<[InboxEvent]>([])

    /// Adds `event`; true when the buffer was empty (the loop then needs a wake).
    func add(_ event: InboxEvent) -> Bool {
        events.withLock { events in
            events.append(event)
            return events.count == 1
        }
    }

    /// Every event added since the last call, in order.
    func takeAll() -> [InboxEvent] {
        events.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}
