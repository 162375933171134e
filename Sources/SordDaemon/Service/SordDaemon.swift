import Foundation
import Logging
import ServiceLifecycle
import SordCore
import SordSpool
import SordStore
#if canImport(Glibc)
import Glibc
#endif

/// What wakes the processing loop.
enum Wake: Sendable {
    case inbox(InboxEvent)
    case rescanTimer
    case reload
    case stop
}

/// The daemon as a swift-service-lifecycle `Service`: recovery, then the processing loop fed by
/// inotify, a periodic rescan and signals. SIGTERM (graceful shutdown) stops claiming, lets the
/// batch in flight finish, and returns.
public final class SordDaemon: Service, @unchecked Sendable {
    let configPath: String
    let logger: Logger
    let clock: @Sendable () -> Date
    let handlers: [DocumentType: any DocumentHandler]
    private(set) var config: SordConfig

    public init(config: SordConfig, configPath: String, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() },
                handlers: [DocumentType: any DocumentHandler] = [:]) {
        self.config = config
        self.configPath = configPath
        self.logger = logger
        self.clock = clock
        self.handlers = handlers
    }

    public func run() async throws {
        let layout = SpoolLayout(root: config.spool)
        try layout.createShared()
        let database = try SordDatabase(path: config.databasePath)
        let processor = Processor(config: config, database: database, logger: logger, clock: clock, handlers: handlers)
        try processor.recover()

        let (wakes, wake) = AsyncStream.makeStream(of: Wake.self, bufferingPolicy: .unbounded)
        let watcher = try InboxWatcher(layout: layout)
        defer { watcher.stop() }
        let forward = Task {
            for await event in watcher.events { wake.yield(.inbox(event)) }
        }
        let timer = Task { [config] in
            var interval = config.rescanSeconds
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval))
                wake.yield(.rescanTimer)
                interval = self.config.rescanSeconds
            }
        }
        let hangup = SignalSource(signal: SIGHUP) { wake.yield(.reload) }
        defer {
            forward.cancel()
            timer.cancel()
            hangup.cancel()
        }

        try processor.rescan()
        while try processor.runBatch() > 0 {}
        logger.notice("sord ready", metadata: ["spool": "\(config.spool)", "queued": "\(processor.queueDepth)"])

        try await withGracefulShutdownHandler {
            for await event in wakes {
                switch event {
                case .stop:
                    return
                case .inbox(let inboxEvent):
                    try processor.note(inboxEvent)
                case .rescanTimer:
                    try processor.rescan()
                case .reload:
                    reload(processor)
                }
                while try processor.runBatch() > 0 {
                    if Task.isShuttingDownGracefully { return }
                }
            }
        } onGracefulShutdown: {
            wake.yield(.stop)
        }
        logger.notice("sord stopped")
    }

    /// Re-reads the configuration file; a bad file is refused and the running configuration stays.
    private func reload(_ processor: Processor) {
        do {
            var fresh = try SordConfig.load(path: configPath)
            // Paths and listeners need a restart; keep the running ones.
            fresh.spool = config.spool
            fresh.databasePath = config.databasePath
            fresh.apiListen = config.apiListen
            fresh.metricsListen = config.metricsListen
            config = fresh
            processor.apply(fresh)
            logger.notice("configuration reloaded")
        } catch {
            logger.error("configuration reload refused; keeping the running configuration", metadata: ["error": "\(error)"])
        }
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
