import ArgumentParser
import Foundation
import SordCore
import SordDaemon

/// `sord mailbox list|fetch|delete`: a user's SOR mailbox, on the host.
struct Mailbox: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List, fetch and delete mailbox files.",
                                                    subcommands: [List.self, Fetch.self, Delete.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a user's mailbox, newest first.")
        @Option var user: String
        @Flag(help: "Only files not yet downloaded.") var new = false
        @Flag(help: "Print the same object as GET /v1/mailbox.") var json = false
        @OptionGroup var options: ConfigOption

        func run() throws {
            guard let userID = UserID(user) else { throw ValidationError("no user \(user)") }
            let (_, layout, database) = try options.open()
            let listing = try MailboxAccess(database: database, layout: layout).list(user: userID, onlyNew: new)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(listing), as: UTF8.self))
                return
            }
            for file in listing.files {
                print("\(file.id)  \(file.kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(file.size).padding(toLength: 8, withPad: " ", startingAt: 0)) \(file.createdAt)  \(file.downloadedAt == nil ? "new" : "downloaded")  \(file.name)")
            }
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copy a sealed file out (marks it downloaded).")
        @Option var user: String
        @Argument var fileID: String
        @Option(name: .short, help: "Write to PATH (default: the file's name in the current folder; - for stdout).")
        var output: String?
        @OptionGroup var options: ConfigOption

        func run() throws {
            guard let userID = UserID(user) else { throw ValidationError("no user \(user)") }
            let (_, layout, database) = try options.open()
            guard let (entry, bytes) = try MailboxAccess(database: database, layout: layout).fetch(user: userID, id: fileID, actor: user) else {
                throw SordCLIError("no file \(fileID) in \(user)'s mailbox")
            }
            let target = output ?? entry.name
            if target == "-" {
                FileHandle.standardOutput.write(bytes)
            } else {
                try bytes.write(to: URL(fileURLWithPath: target), options: .atomic)
                print(target)
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a file from the mailbox.")
        @Option var user: String
        @Argument var fileID: String
        @OptionGroup var options: ConfigOption

        func run() throws {
            guard let userID = UserID(user) else { throw ValidationError("no user \(user)") }
            let (_, layout, database) = try options.open()
            guard try MailboxAccess(database: database, layout: layout).delete(user: userID, id: fileID, actor: user) else {
                throw SordCLIError("no file \(fileID) in \(user)'s mailbox")
            }
            print("deleted \(fileID)")
        }
    }
}
