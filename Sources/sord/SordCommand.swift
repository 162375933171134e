import ArgumentParser

/// `sord`: the one binary for the daemon and every operator and user command (SPEC section 8).
@main
struct Sord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sord",
        abstract: "Secure batch file exchange for tax practitioners: spool in, sealed SOR mailbox out.",
        subcommands: [
            Run.self, Initialize.self, PKI.self, Demo.self, User.self, Submit.self, Mailbox.self,
            Open.self, Status.self, Codes.self,
            Audit.self, Import.self, Generate.self, Bench.self, Message.self, PPS.self, DatabaseCommand.self,
        ]
    )
}
