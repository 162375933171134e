import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fault injection for the crash tests: when `SORD_CRASH_AT` names a point, the daemon kills itself
/// with SIGKILL the first time it reaches that point, exactly as a power cut would stop it there.
/// Without the variable (always, in production) every check is one comparison against nil.
enum CrashPoint: String {
    /// Files claimed into work/, nothing committed.
    case afterClaim = "after-claim"
    /// Outcome and outbox committed, nothing delivered.
    case afterCommit = "after-commit"
    /// Files renamed into new/, not yet marked delivered.
    case afterDeliver = "after-deliver"
    /// Marked delivered, inputs not yet archived.
    case afterMark = "after-mark"
    /// One scheduled posting committed; more may be due (the scheduler's catch-up).
    case afterPosting = "after-posting"

    private static let armed: CrashPoint? = ProcessInfo.processInfo.environment["SORD_CRASH_AT"].flatMap(CrashPoint.init)

    /// Dies here if this point is armed.
    static func reach(_ point: CrashPoint) {
        if armed == point { kill(getpid(), SIGKILL) }
    }
}
