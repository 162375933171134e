import ArgumentParser
import Foundation
import SordDaemon
import SordStore

/// `sord db copy --to TARGET`: moves an install between stores (SPEC 13).
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "db", abstract: "Move an install between stores.", subcommands: [Copy.self])

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the configured store into another: a postgres:// URL, or a SQLite file path.",
            discussion: """
                The target is created (schema migrated) and must be empty. Stop the daemon first; afterwards point \
                [database] at the target and check it with `sord audit verify`.
                """)

        @Option(help: "The target store: postgres://user@host:port/database, or a path for a new SQLite file.") var to: String
        @OptionGroup var options: ConfigOption

        func run() throws {
            let (config, _, source) = try options.open()
            let target = try to.hasPrefix("postgres://") || to.hasPrefix("postgresql://")
                ? SordDatabase(driver: PostgresDriver(url: to)) : SordDatabase(path: to)
            do {
                let copied = try StoreCopy.copy(from: source, to: target)
                for (table, rows) in copied.sorted(by: { $0.key < $1.key }) { print("\(table): \(rows) rows") }
                print("copied \(config.storeDescription) into the target; check it with `sord audit verify`")
            } catch let refusal as StoreCopy.Refusal {
                throw ValidationError(refusal.description)
            }
        }
    }
}
