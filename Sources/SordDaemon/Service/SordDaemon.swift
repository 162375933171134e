import Foundation
import Logging
import ServiceLifecycle
import SordCore
import SordSpool
import SordStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What wakes the processing loop.
enum Wake: Sendable {
    /// Inbox events wait in the `InboxEventBuffer`.
    case inbox
    case rescanTimer
    /// `settle_seconds` after a rescan found files still changing.
    case settle
    /// The back-off after a `Trouble` is over: try again.
    case retry
    /// `scheduler_seconds` passed: post what fell due.
    case schedule
    case reload
    case watchdog
    /// A submission uploaded over the API, already claimed into `work/`.
    case claimed(WorkFile)
    case stop
}

/// The daemon as a swift-service-lifecycle `Service`: recovery, then the processing loop fed by
/// inotify, a periodic rescan and signals. SIGTERM (graceful shutdown) stops claiming, lets the
/// batch in flight finish, and returns.
public final class SordDaemon: Service, @unchecked Sendable {
    let configPath: String
    let logger: Logger
    let clock: @Sendable () -> Date
    let notifier: SystemdNotifier
    private let current: Mutex<SordConfig>
    /// The configuration in force; a reload replaces it (read from several tasks, hence the lock).
    var config: SordConfig { current.withLock { $0 } }
    /// How often expired mailbox files and archive days are deleted (also once at start).
    static let retentionSweepInterval: Duration = .seconds(300)

    public init(config: SordConfig, configPath: String, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() },
                notifier: SystemdNotifier = SystemdNotifier()) {
        self.current = Mutex(config)
        self.notifier = notifier
        self.configPath = configPath
        self.logger = logger
        self.clock = clock
    }

    public func run() async throws {
        let layout = SpoolLayout(root: config.spool)
        FileDescriptors.raiseLimit()
        // The processing loop's own thread (claims, decisions, commits: one at a time), and the
        // threads for every other blocking call (API requests, retention). Nothing blocking runs
        // on the cooperative pool.
        let worker = BlockingWork(threads: 1)
        let blocking = BlockingWork(threads: Self.blockingThreads)
        defer {
            Task { await worker.shutdown() }
            Task { await blocking.shutdown() }
        }
        let metrics = SordMetrics()
        let health = Health()
        let trouble = TroubleTracker(health: health, metrics: metrics, logger: logger, clock: clock,
                                     folders: [config.spool, URL(fileURLWithPath: config.databasePath).deletingLastPathComponent().path])
        // Metrics and health answer during start-up and recovery; the API starts after them (see
        // NetworkListeners).
        let listeners = NetworkListeners(metrics: metrics, health: health, logger: logger)
        defer { listeners.stop() }
        try await listeners.startMetrics(config: config)
        // Opening the store and recovery wait out any trouble (a busy, full or unreachable
        // database, a full disk) rather than exiting.
        var opened: (SordDatabase, Processor)?
        while opened == nil {
            do {
                opened = try await worker.run { [config, logger, clock] in
                    try layout.createShared()
                    let database = try config.openDatabase()
                    return (database, Processor(config: config, database: database, metrics: metrics, logger: logger, clock: clock))
                }
            } catch {
                try await Task.sleep(for: trouble.report(error))
            }
        }
        let (database, processor) = opened!
        while true {
            do {
                try await worker.run { try processor.recover() }
                trouble.cleared()
                break
            } catch {
                try await Task.sleep(for: trouble.report(error))
            }
        }

        let (wakes, wake) = AsyncStream.makeStream(of: Wake.self, bufferingPolicy: .unbounded)
        let watcher = try InboxWatcher(layout: layout)
        defer { watcher.stop() }
        let inboxEvents = InboxEventBuffer()
        let forward = Task {
            for await event in watcher.events {
                if inboxEvents.add(event) { wake.yield(.inbox) }
            }
        }
        let timer = Task { [config] in
            var interval = config.rescanSeconds
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval))
                wake.yield(.rescanTimer)
                interval = self.config.rescanSeconds
            }
        }
        let scheduling = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(self.config.schedulerSeconds))
                wake.yield(.schedule)
            }
        }
        let hangup = SignalSource(signal: SIGHUP) { wake.yield(.reload) }
        // WATCHDOG=1 comes from the loop itself; the ticker only wakes it (see WatchdogHeartbeat).
        var heartbeat = WatchdogHeartbeat(notifier: notifier)
        let ticker = Task { [interval = heartbeat?.interval] in
            guard let interval else { return }
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                wake.yield(.watchdog)
            }
        }
        let retention = Task { [logger, clock] in
            await RetentionService(sweep: RetentionSweep(layout: layout, database: database), interval: Self.retentionSweepInterval,
                                   logger: logger, clock: clock, blocking: blocking, archiveDays: { self.config.archiveDays }).run()
        }
        defer {
            forward.cancel()
            timer.cancel()
            scheduling.cancel()
            hangup.cancel()
            ticker.cancel()
            retention.cancel()
        }
        /// A wake after `delay`, at most one pending per kind.
        var pendingWakes: Set<String> = []
        func schedule(_ event: Wake, _ key: String, after delay: Duration) {
            guard pendingWakes.insert(key).inserted else { return }
            Task {
                try? await Task.sleep(for: delay)
                wake.yield(event)
            }
        }

        /// Runs one step of the loop on the worker; a failure becomes a trouble to wait out (nil).
        func step<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async -> T? {
            do {
                return try await worker.run(body)
            } catch {
                schedule(.retry, "retry", after: trouble.report(error))
                return nil
            }
        }

        // What fell due while the daemon was stopped is posted first, in date order.
        _ = await step { try processor.runScheduler() }
        if await step({ try processor.rescan() }) != nil {
            while !Task.isShuttingDownGracefully, health.current == nil, let done = await step({ try processor.runBatch() }), done > 0 {
                heartbeat?.beat()
            }
        }
        // Files the start-up scan found still changing are claimed once settled, not at the next rescan.
        if processor.isSettling { schedule(.settle, "settle", after: .seconds(config.settleSeconds)) }
        try await listeners.startAPI(config: config, database: database, ids: processor.ids, clock: clock,
                                     blocking: blocking) { wake.yield(.claimed($0)) }
        logger.notice("sord ready", metadata: ["spool": "\(config.spool)", "queued": "\(processor.queueDepth)"])
        notifier.ready(status: Self.status(processor, health))
        var lastStatus = Self.status(processor, health)

        try await withGracefulShutdownHandler {
            for await event in wakes {
                heartbeat?.beat()
                switch event {
                case .stop:
                    return
                case .inbox:
                    break  // noted below, with any that came meanwhile
                case .rescanTimer:
                    // While a trouble lasts, its retry is the one attempt at a time.
                    if health.current == nil { _ = await step { try processor.rescan() } }
                case .schedule:
                    _ = await step { try processor.runScheduler() }
                case .settle:
                    pendingWakes.remove("settle")
                    if health.current == nil { _ = await step { try processor.rescan() } }
                case .retry:
                    pendingWakes.remove("retry")
                    if await step({ try processor.resumeWork() }) != nil { trouble.cleared() }
                case .reload:
                    notifier.reloading()
                    await reload(processor, on: worker)
                    notifier.reloaded(status: Self.status(processor, health))
                case .watchdog:
                    continue
                case .claimed(let work):
                    if health.current == nil { _ = await step { try processor.process([work]) } }
                }
                // Batches run while nothing holds the daemon up; a trouble waits for its retry. The inbox
                // events that came in are noted before each batch, so new files get their turn.
                while true {
                    let events = inboxEvents.takeAll()
                    if !events.isEmpty { _ = await step { try processor.note(events) } }
                    guard health.current == nil, let done = await step({ try processor.runBatch() }), done > 0 else { break }
                    heartbeat?.beat()
                    if Task.isShuttingDownGracefully { return }
                    let status = Self.status(processor, health)
                    if status != lastStatus {
                        notifier.status(status)
                        lastStatus = status
                    }
                }
                if processor.isSettling { schedule(.settle, "settle", after: .seconds(config.settleSeconds)) }
            }
        } onGracefulShutdown: { [notifier, logger, grace = config.shutdownGraceSeconds] in
            wake.yield(.stop)
            // The bound on SIGTERM: if the batch in flight is still not done, leave it to recovery.
            Thread.detachNewThread {
                sleep(UInt32(grace))
                logger.critical("in-flight work did not finish within shutdown_grace_seconds; exiting, the next start recovers it")
                _exit(0)
            }
            notifier.stopping()
        }
        try await worker.run { processor.drain() }
        logger.notice("sord stopped")
    }

    /// Threads for the API's and the retention sweep's blocking calls: more than the database's
    /// reader connections, so a request waiting for a reader never keeps another from finishing.
    static let blockingThreads = 8

    /// Re-reads the configuration file; a bad file is refused and the running configuration stays.
    /// The processor takes the new limits on its own thread, between batches.
    private func reload(_ processor: Processor, on worker: BlockingWork) async {
        do {
            var fresh = try await worker.run { [configPath] in try SordConfig.load(path: configPath) }
            // Paths and listeners need a restart; keep the running ones.
            fresh.spool = config.spool
            fresh.databasePath = config.databasePath
            fresh.apiListen = config.apiListen
            fresh.metricsListen = config.metricsListen
            current.withLock { $0 = fresh }
            try await worker.run { [fresh] in processor.apply(fresh) }
            // Logged before the new level applies, so the confirmation shows even when it is raised.
            logger.notice("configuration reloaded", metadata: ["logLevel": "\(fresh.logLevel)"])
            DaemonLogging.apply(fresh)
        } catch {
            logger.error("configuration reload refused; keeping the running configuration", metadata: ["error": "\(error)"])
        }
    }
}

extension SordDaemon {
    /// The one-line state for `systemctl status`.
    static func status(_ processor: Processor, _ health: Health) -> String {
        if let condition = health.current { return "Waiting: \(condition.trouble.rawValue); \(processor.queueDepth) files queued" }
        return processor.queueDepth == 0 ? "Idle; 0 files queued" : "Processing; \(processor.queueDepth) files queued"
    }
}

/// Calls a handler when a signal arrives (the signal's default action is turned off meanwhile).
final class SignalSource: @unchecked Sendable {
    private let source: DispatchSourceSignal

    init(signal number: Int32, handler: @escaping @Sendable () -> Void) {
        signal(number, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
    }

    func cancel() {
        source.cancel()
    }
}
