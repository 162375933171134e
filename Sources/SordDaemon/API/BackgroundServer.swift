/// A server (a Hummingbird application) running in a background task. Creating one waits until it
/// listens, so a bind error (address in use, bad host) is thrown to the caller; `stop()` cancels it.
final class BackgroundServer: Sendable {
    private let task: Task<Void, Never>

    /// Thrown when the server returned before it ever listened.
    struct EndedEarly: Error, CustomStringConvertible {
        let name: String
        var description: String { "the \(name) listener stopped before it was listening" }
    }

    /// Starts `run`, which must call `listening()` once it is bound.
    init(name: String, run: @escaping @Sendable (_ listening: @escaping @Sendable () -> Void) async throws -> Void) async throws {
        let (events, signal) = AsyncStream.makeStream(of: (any Error)?.self)
        task = Task {
            do {
                try await run { signal.yield(nil) }
                signal.yield(EndedEarly(name: name))
            } catch {
                signal.yield(error)
            }
            signal.finish()
        }
        for await event in events {
            if let event {
                task.cancel()
                throw event
            }
            return
        }
        throw EndedEarly(name: name)
    }

    /// Stops the server (in-flight requests are cut off).
    func stop() {
        task.cancel()
    }
}
