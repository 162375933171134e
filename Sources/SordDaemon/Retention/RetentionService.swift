import Foundation
import Logging

/// Runs the retention sweep in the background: once at start, then every `interval`, each time with the
/// current `archive_days` (which a reload may change). A failed sweep is logged and retried next time.
struct RetentionService: Sendable {
    let sweep: RetentionSweep
    let interval: Duration
    let logger: Logger
    let clock: @Sendable () -> Date
    let archiveDays: @Sendable () -> Int

    /// Sweeps until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            do {
                let result = try sweep.run(now: clock(), archiveDays: archiveDays())
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
