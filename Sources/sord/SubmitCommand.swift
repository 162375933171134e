import ArgumentParser
import Foundation
import SordCore
import SordSpool
import SordStore

/// `sord submit --user ID FILE`: drop a file into a user's inbox safely (hidden temp name, fsync,
/// rename, folder fsync), so the daemon never sees half a file.
struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Place FILE into a user's inbox; prints the name it got there.")

    @Option(help: "The submitting user.") var user: String
    @Argument(help: "The document (.json or .csv).") var file: String
    @OptionGroup var options: ConfigOption

    func run() throws {
        guard let userID = UserID(user) else { throw ValidationError("no user \(user)") }
        let config = try options.load()
        let layout = SpoolLayout(root: config.spool)
        guard Durable.exists(layout.inbox(userID)) else { throw SordCLIError("user \(user) has no inbox under \(config.spool)") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let name = try InboxDrop(layout: layout).drop(bytes, as: URL(fileURLWithPath: file).lastPathComponent, user: userID)
        print(name)
    }
}
