import NIOPosix

/// Threads of their own for blocking work — database transactions, file reads and writes, fsync —
/// so that Swift's cooperative pool (one thread per core) never waits on a disk, a lock or a busy
/// database (DESIGN-NOTES "Blocking work on the async pool"). Async code awaits the result; the
/// awaiting task is suspended, not blocked, so the API, `/healthz` and the processing loop stay
/// responsive however many requests are in flight.
public final class BlockingWork: Sendable {
    private let pool: NIOThreadPool

    /// Starts `threads` threads.
    public init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    /// Runs `body` on one of the threads and returns its result (or rethrows its error).
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }

    /// Lets running work finish, then stops the threads.
    public func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}
