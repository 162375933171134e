import ArgumentParser
import Foundation
import SordDaemon

/// `sord status`: queue depths, outcomes, oldest pending, last errors.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue depths, counts by outcome, oldest pending, last errors.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: ConfigOption

    func run() throws {
        let config = try options.load()
        let daemon = ReadinessProbe.ask(listen: config.metricsListen)
        let report: StatusReport
        do {
            let (_, layout, database) = try options.open()
            report = try StatusReport.gather(layout: layout, database: database, daemon: daemon)
        } catch {
            // The daemon's own answer still says why (a full disk, a busy database).
            print("daemon:                \(daemon)")
            print("database:              unavailable (\(error))")
            throw ExitCode(1)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}
