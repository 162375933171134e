import ArgumentParser
import Foundation
import SordCore
import SordStore
#if canImport(Glibc)
import Glibc
#endif

/// `sord import FILE...`: load reference data (JSON Lines, SPEC section 9) into the database.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import reference data: Master File, CAF and e-File records as JSON Lines.",
        discussion: """
            Each line is one record: {"record": "entity" | "module" | "representative" | \
            "cafAuthorization" | "efileUser", ...}. The whole import is one transaction: one invalid \
            line and nothing is imported. Re-importing a record updates it. The database is the one \
            named by --config ([database] path), or --database. Progress goes to standard error: a \
            bar on a terminal, a line every 10% otherwise.
            """)

    @Argument(help: "JSON Lines files to import, in order.") var files: [String]
    @Flag(help: "Skip invalid lines (counted in the summary) instead of importing nothing.")
    var continueOnError = false
    @Option(help: "Database file; overrides [database] path from the configuration.") var database: String?
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let importer = ReferenceImporter(database: try database.map { try SordDatabase(path: $0) } ?? options.load().openDatabase())
        let meter = ImportMeter(terminal: isatty(STDERR_FILENO) == 1)
        let started = Date()
        let summary: ImportSummary
        do {
            summary = try importer.importFiles(files, options: .init(continueOnError: continueOnError)) {
                meter.show($0)
            }
        } catch let error as ImportError {
            meter.finish()
            printError(error.description)
            throw ExitCode.failure
        }
        meter.finish()
        let seconds = Date().timeIntervalSince(started)
        let records = summary.totalInserted + summary.totalUpdated
        print("imported \(records) records in \(String(format: "%.1f", seconds)) s"
              + (seconds > 0 ? " (\(Int(Double(records) / seconds)) records/s)" : ""))
        for kind in ReferenceRecord.Kind.allCases {
            let inserted = summary.inserted[kind] ?? 0, updated = summary.updated[kind] ?? 0
            if inserted + updated > 0 { print("  \(kind.rawValue): \(inserted) inserted, \(updated) updated") }
        }
        if summary.rejectedLines > 0 {
            print("rejected \(summary.rejectedLines) lines:")
            for (code, count) in summary.rejectedByReason.sorted(by: { $0.key < $1.key }) {
                print("  \(code): \(count)")
            }
            for rejection in summary.rejections { printError(rejection.description) }
            if summary.rejectedLines > summary.rejections.count {
                printError("… and \(summary.rejectedLines - summary.rejections.count) more")
            }
        }
    }
}

/// Progress on standard error: a redrawn bar with the rate on a terminal, a plain line every 10%
/// otherwise (logs and pipes get no carriage returns).
private final class ImportMeter {
    let terminal: Bool
    let started = Date()
    var lastTenth = -1
    var drawn = false

    init(terminal: Bool) {
        self.terminal = terminal
    }

    func show(_ p: ImportProgress) {
        let fraction = p.totalBytes > 0 ? min(1, Double(p.bytesDone) / Double(p.totalBytes)) : 1
        let seconds = Date().timeIntervalSince(started)
        let rate = seconds > 0 ? Int(Double(p.recordsDone) / seconds) : 0
        if terminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let left = fraction > 0.01 ? String(format: ", %.0f s left", seconds / fraction - seconds) : ""
            FileHandle.standardError.write(Data(
                "\r[\(bar)] \(Int(fraction * 100))% \(p.recordsDone) records, \(rate)/s\(left)\u{1B}[K".utf8))
            drawn = true
        } else if Int(fraction * 10) > lastTenth {
            lastTenth = Int(fraction * 10)
            printError("import: \(lastTenth * 10)% \(p.recordsDone) records, \(rate)/s (\(p.file))")
        }
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
