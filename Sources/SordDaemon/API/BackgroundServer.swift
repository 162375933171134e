import Logging
import ServiceLifecycle

/// A server (a Hummingbird application) running in its own service group in a background task.
/// Creating one waits until it listens, so a bind error (address in use, bad host) is thrown to the
/// caller. `stop()` shuts it down gracefully (no new connections, requests in flight finish); it
/// also follows the daemon's own graceful shutdown (SIGTERM).
final class BackgroundServer: Sendable {
    private let group: ServiceGroup

    /// Thrown when the server returned before it ever listened.
    struct EndedEarly: Error, CustomStringConvertible {
        let name: String
        var description: String { "the \(name) listener stopped before it was listening" }
    }

    /// Builds the service with `make`, whose service must call `listening()` once bound, and runs it.
    init(name: String, logger: Logger, make: (_ listening: @escaping @Sendable () -> Void) throws -> any Service) async throws {
        let (events, signal) = AsyncStream.makeStream(of: (any Error)?.self)
        let service = try make { signal.yield(nil) }
        group = ServiceGroup(configuration: .init(services: [service], logger: logger))
        Task { [group] in
            do {
                try await group.run()
                signal.yield(EndedEarly(name: name))
            } catch {
                signal.yield(error)
            }
            signal.finish()
        }
        for await event in events {
            if let event { throw event }
            return
        }
        throw EndedEarly(name: name)
    }

    /// Starts a graceful shutdown and returns at once.
    func stop() {
        Task { [group] in await group.triggerGracefulShutdown() }
    }
}
