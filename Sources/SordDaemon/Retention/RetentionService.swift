import Foundation
import Logging

/// Runs the retention sweep in the background: once at start, then every `interval`, each time with the
/// current `archive_days` (which a reload may change). A failed sweep is logged and retried next time.
struct RetentionService: Sendable {
    let sweep: RetentionSweep
    let interval: Duration
    let logger: Logger
    let clock: @Sendable () -> Date
    /// Where the sweep's database and file calls run.
    let blocking: BlockingWork
    let archiveDays: @Sendable () -> Int

    /// Sweeps until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            do {
                let now = clock(), days = archiveDays()
                let result = try await blocking.run { [sweep] in try sweep.run(now: now, archiveDays: days) }
                if result != RetentionSweep.Result() {
                    logger.notice("retention sweep deleted expired files", metadata: [
                        "mailboxFiles": "\(result.mailboxFiles)", "archiveFiles": "\(result.archiveFiles)",
                    ])
                }
            } catch {
                logger.error("retention sweep failed; retrying later", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
