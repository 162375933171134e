/// Sends `WATCHDOG=1` on behalf of the processing loop. The loop calls `beat()` whenever it runs (each
/// wake-up and each batch) and a ticker only wakes the loop, so pings stop as soon as the loop is stuck
/// and systemd restarts the service. `beat()` sends at most once per half interval, so a busy loop
/// does not flood systemd, and a wake-up every `interval` keeps the gap under `WATCHDOG_USEC`.
struct WatchdogHeartbeat {
    let notifier: SystemdNotifier
    /// The ticker period: half of `WATCHDOG_USEC`.
    let interval: Duration
    private var last: ContinuousClock.Instant?

    init?(notifier: SystemdNotifier) {
        guard let interval = notifier.watchdogInterval else { return nil }
        self.notifier = notifier
        self.interval = interval
    }

    /// Pings systemd unless it was pinged less than half an interval ago; returns whether it pinged.
    @discardableResult
    mutating func beat(now: ContinuousClock.Instant = .now) -> Bool {
        if let last, now - last < interval / 2 { return false }
        notifier.watchdog()
        last = now
        return true
    }
}
