import ArgumentParser

/// `sord init`: create the spool folders and the database; safe to run again.
struct Initialize: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create folders and the database (idempotent).")

    @OptionGroup var options: ConfigOption

    func run() throws {
        let (config, _, _) = try options.open()
        print("spool \(config.spool) and database \(config.storeDescription) are ready")
    }
}
