import ArgumentParser
import Foundation
import GRDB
import SordStore

/// `sord audit verify|export`: check the audit log's SHA-256 chain, or print it as JSON Lines.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or export the audit log.", subcommands: [Verify.self, Export.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit log's hash chain; exit 1 naming the first broken entry.")

        @OptionGroup var options: ConfigOption

        func run() throws {
            let (_, _, database) = try options.open()
            let (broken, count) = try database.pool.read { db in
                (try AuditLog.firstBrokenLink(db), try AuditLog.Entry.fetchCount(db))
            }
            if let seq = broken {
                let entry = try database.pool.read { db in try AuditLog.Entry.fetchOne(db, key: seq) }
                let what = entry.map { " (\($0.action) \($0.subject) at \($0.at))" } ?? ""
                printError("audit chain broken at entry \(seq)\(what): it was changed, or an entry before it was removed")
                throw ExitCode(1)
            }
            print("audit chain intact: \(count) entries")
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
            try database.pool.read { db in
                let cursor = try AuditLog.Entry.filter(Column("seq") > after).order(Column("seq")).fetchCursor(db)
                while let entry = try cursor.next() {
                    let detail = (try? JSONDecoder().decode([String: String].self, from: Data(entry.detail.utf8))) ?? [:]
                    let line = Line(seq: entry.seq ?? 0, at: entry.at, actor: entry.actor, action: entry.action,
                                    subject: entry.subject, detail: detail, prevHash: entry.prevHash, hash: entry.hash)
                    out.write(try encoder.encode(line) + Data("\n".utf8))
                }
            }
        }
    }
}
