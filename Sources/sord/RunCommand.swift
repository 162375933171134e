import ArgumentParser
import Logging
import ServiceLifecycle
import SordDaemon

/// `sord run`: the daemon in the foreground (systemd `Type=notify`).
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the daemon in the foreground.")

    @OptionGroup var options: ConfigOption

    func run() async throws {
        let config = try options.load()
        let logger = DaemonLogging.bootstrap(config: config)
        let daemon = SordDaemon(config: config, configPath: options.config, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: daemon)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        try await group.run()
    }
}
