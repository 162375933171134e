import ArgumentParser
import Foundation
import SordDaemon
import SordSpool
import SordStore

/// `--config FILE`, shared by every command; relative paths in the file are relative to the
/// working directory.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Configuration file (TOML).")
    var config: String = "config/sord.toml"

    /// The configuration; a missing default file means built-in defaults, a missing named file is an error.
    /// Every file sord creates from here on is private (SPEC 3: files 0600, folders 0700).
    func load() throws -> SordConfig {
        umask(0o077)
        do {
            return try SordConfig.load(path: config, allowMissing: config == "config/sord.toml")
        } catch let error as SordConfig.Invalid {
            throw ValidationError(error.description)
        }
    }

    /// The configuration, the spool layout (folders created) and the database (schema migrated).
    func open() throws -> (SordConfig, SpoolLayout, SordDatabase) {
        let config = try load()
        let layout = SpoolLayout(root: config.spool)
        try layout.createShared()
        let database = try config.openDatabase()
        return (config, layout, database)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
