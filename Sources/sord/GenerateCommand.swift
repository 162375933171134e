import ArgumentParser
import Foundation
import SordCore

/// `sord generate`: synthetic reference data, one JSON Lines file per record kind.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write synthetic reference data (JSON Lines) for demos and benchmarks.",
        discussion: """
            Writes entities.jsonl, modules.jsonl, representatives.jsonl, authorizations.jsonl and \
            efile-users.jsonl into the output folder. The same --taxpayers, --seed and --latest-year \
            always give the same bytes. Load them with `sord import`. --config is accepted like \
            on every command, so scripts can pass it throughout, but not read: generating touches \
            no database and no spool.
            """)

    @Option(help: "How many taxpayers.") var taxpayers: Int
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: "Output folder (created if missing).") var out: String
    @Option(help: "Newest tax year with modules.") var latestYear: Int = 2025
    @OptionGroup var options: ConfigOption

    func validate() throws {
        guard taxpayers >= 0 else { throw ValidationError("--taxpayers must be 0 or more") }
    }

    func run() async throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var writers: [ReferenceRecord.Kind: BufferedFile] = [:]
        for kind in ReferenceRecord.Kind.allCases {
            writers[kind] = try BufferedFile(path: (out as NSString).appendingPathComponent(SyntheticDataset.fileName(for: kind)))
        }
        var counts: [ReferenceRecord.Kind: Int] = [:]
        let dataset = SyntheticDataset(taxpayers: taxpayers, seed: seed, latestTaxYear: latestYear)
        try dataset.generateLines { kind, line in
            try writers[kind]!.write(line)
            counts[kind, default: 0] += 1
        }
        for kind in ReferenceRecord.Kind.allCases {
            try writers[kind]!.close()
            print("\(SyntheticDataset.fileName(for: kind)): \(counts[kind] ?? 0) records")
        }
    }
}

/// A file written through a 1 MiB buffer, one line at a time.
private final class BufferedFile {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path)
        else { throw ValidationError("cannot write \(path)") }
        self.handle = handle
    }

    func write(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 20 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
