import ArgumentParser
import Foundation
import SordStore

/// `sord audit verify|export`: check the audit log's SHA-256 chain, or print it as JSON Lines.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or export the audit log.", subcommands: [Verify.self, Export.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit log's hash chain and its head; exit 1 naming the first broken entry.")

        @OptionGroup var options: ConfigOption

        func run() throws {
            let (_, _, database) = try options.open()
            switch try database.read({ db in try AuditLog.verify(db) }) {
            case .intact(let count):
                print("audit chain intact: \(count) entries")
            case .broken(let seq):
                let entry = try database.read { db in try AuditLog.entry(seq, in: db) }
                let what = entry.map { " (\($0.action) \($0.subject) at \($0.at))" } ?? ""
                printError("audit chain broken at entry \(seq)\(what): it was changed, or an entry before it was removed")
                throw ExitCode(1)
            case .truncated(let last, let head):
                printError("audit chain truncated: the log ends at entry \(last) but its head records entry \(head); "
                    + "entries were removed from the end")
                throw ExitCode(1)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the audit log as JSON Lines, oldest first.")

        @Option(help: "Start after this entry number.") var after: Int64 = 0
        @OptionGroup var options: ConfigOption

        /// One exported line: the stored entry, with `detail` as a JSON object.
        struct Line: Encodable {
            let seq: Int64
            let at: String
            let actor: String
            let action: String
            let subject: String
            let detail: [String: String]
            let prevHash: String
            let hash: String
        }

        func run() throws {
            let (_, _, database) = try options.open()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let out = FileHandle.standardOutput
            var last = after
            while true {
                let entries = try database.read { db in try AuditLog.entries(after: last, limit: 10_000, in: db) }
                for entry in entries {
                    let detail = (try? JSONDecoder().decode([String: String].self, from: Data(entry.detail.utf8))) ?? [:]
                    let line = Line(seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action,
                                    subject: entry.subject, detail: detail, prevHash: entry.prevHash, hash: entry.hash)
                    out.write(try encoder.encode(line) + Data("\n".utf8))
                    last = entry.seq
                }
                if entries.count < 10_000 { break }
            }
        }
    }
}
