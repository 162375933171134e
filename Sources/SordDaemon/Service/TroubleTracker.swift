import Foundation
import Logging
import SordCore
import SordStore

/// Turns failures of the processing loop into `Trouble` the operator can see — a log line when it
/// starts and when it clears, `/readyz`, the `sord_trouble` gauge — and says how long to wait
/// before trying again: 1 s, doubling up to 30 s while the trouble lasts. Used from the daemon's
/// loop only.
final class TroubleTracker: @unchecked Sendable {
    let health: Health
    let metrics: SordMetrics
    let logger: Logger
    let clock: @Sendable () -> Date
    /// Folders whose file systems hold the spool and the database: an I/O error while one of them
    /// has no free space is a full disk.
    let folders: [String]
    private var backoff: Duration = .seconds(1)
    static let longestBackoff: Duration = .seconds(30)

    init(health: Health, metrics: SordMetrics, logger: Logger, clock: @escaping @Sendable () -> Date, folders: [String]) {
        self.health = health
        self.folders = folders
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
    }

    /// Records the trouble `error` means (an unexpected error is `internal-error`); returns the
    /// delay before the next attempt.
    func report(_ error: any Error) -> Duration {
        var trouble = Trouble.of(error) ?? .internalError
        // SQLite reports a full disk met while writing its WAL or shared memory as an I/O error.
        if [.databaseUnavailable, .storage].contains(trouble), folders.contains(where: FreeSpace.isExhausted) { trouble = .diskFull }
        let previous = health.current?.trouble
        if health.report(trouble, detail: "\(error)", at: clock()) {
            logger.warning("waiting: \(trouble.rawValue); nothing is lost, work resumes when it clears",
                           metadata: ["error": "\(error)"])
            if let previous { metrics.trouble(previous, active: false) }
            metrics.trouble(trouble, active: true)
        }
        defer { backoff = min(backoff * 2, Self.longestBackoff) }
        return backoff
    }

    /// The loop made progress: clears any trouble in force.
    func cleared() {
        backoff = .seconds(1)
        guard let condition = health.clear() else { return }
        metrics.trouble(condition.trouble, active: false)
        logger.notice("\(condition.trouble.rawValue) cleared; resuming",
                      metadata: ["since": "\(Timestamp.iso(condition.since))"])
    }
}
