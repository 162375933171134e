import Synchronization

/// Whether the daemon is ready for traffic (`/readyz`): recovery finished and the listeners are up.
/// Set once by the daemon, read by the metrics listener from any thread.
public final class Readiness: Sendable {
    private let ready = Atomic<Bool>(false)

    public init() {}

    /// Marks the daemon ready.
    public func markReady() {
        ready.store(true, ordering: .releasing)
    }

    /// Whether `markReady()` was called.
    public var isReady: Bool {
        ready.load(ordering: .acquiring)
    }
}
