import Foundation
import Logging
import SordSpool
import SordStore
import Synchronization

/// The daemon's network side: the plain-HTTP metrics and health listener, started before recovery
/// so `/healthz` answers meanwhile, and the HTTPS API, started once recovery is done; `/readyz`
/// turns ready after that. An empty listen address turns a listener off. `stop()` shuts both down gracefully.
final class NetworkListeners: Sendable {
    let metrics: SordMetrics
    let health: Health
    let logger: Logger
    private let servers = Mutex<[BackgroundServer]>([])

    init(metrics: SordMetrics, health: Health, logger: Logger) {
        self.metrics = metrics
        self.health = health
        self.logger = logger
    }

    /// Starts `/metrics`, `/healthz`, `/readyz` on `metrics.listen`; returns once listening.
    func startMetrics(config: SordConfig) async throws {
        guard let address = ListenAddress(config.metricsListen) else { return }
        let server = MetricsServer(metrics: metrics, health: health, logger: logger)
        let running = try await BackgroundServer(name: "metrics", logger: logger) { listening in
            server.application(address: address, listening: listening)
        }
        servers.withLock { $0.append(running) }
        logger.notice("metrics listening", metadata: ["address": "\(config.metricsListen)"])
    }

    /// Starts the HTTPS API on `api.listen` (after removing upload temp files a previous run left),
    /// then marks the daemon ready. `onClaimed` receives every upload once it is in `work/`.
    func startAPI(config: SordConfig, database: SordDatabase, ids: IDSource, clock: @escaping @Sendable () -> Date,
                  blocking: BlockingWork, onClaimed: @escaping @Sendable (WorkFile) -> Void) async throws {
        if let address = ListenAddress(config.apiListen) {
            let api = APIServer(config: config, database: database, ids: ids, metrics: metrics, logger: logger, clock: clock,
                                blocking: blocking, onClaimed: onClaimed)
            try await blocking.run { try api.inboxRoutes.removeStaleUploads() }
            let running = try await BackgroundServer(name: "api", logger: logger) { listening in
                try api.application(address: address, listening: listening)
            }
            servers.withLock { $0.append(running) }
            logger.notice("api listening", metadata: ["address": "\(config.apiListen)"])
        }
        health.markReady()
    }

    /// Stops every listener.
    func stop() {
        servers.withLock { running in
            running.forEach { $0.stop() }
            running.removeAll()
        }
    }
}
