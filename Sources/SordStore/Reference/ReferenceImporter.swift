import Foundation
import SordCore

/// Imports reference-data JSON Lines files (SPEC section 9) into the database.
///
/// Every line is decoded, checked by `RecordValidation` and written to staging tables in short
/// transactions of `chunkSize` records, so a running daemon keeps committing between them; then one
/// transaction merges the staged records into the live tables (updating records with the same key)
/// and empties the staging. Readers see the import all or nothing, and the writer lock is held
/// only for the merge, done in SQL. By default one invalid line anywhere and nothing is imported
/// (every invalid line is still reported, with file and line); with `continueOnError` invalid lines
/// are skipped and counted and the rest is imported.
public struct ReferenceImporter: Sendable {
    /// How to import.
    public struct Options: Sendable {
        /// Skip invalid lines instead of importing nothing.
        public var continueOnError: Bool
        /// Records staged per transaction (each holds the writer lock only briefly).
        public var chunkSize: Int
        /// How many rejections the summary or error keeps for display.
        public var keptRejections: Int
        /// Call the progress handler every this many lines.
        public var progressEvery: Int

        public init(continueOnError: Bool = false, chunkSize: Int = 5_000, keptRejections: Int = 100, progressEvery: Int = 5_000) {
            self.continueOnError = continueOnError
            self.chunkSize = chunkSize
            self.keptRejections = keptRejections
            self.progressEvery = progressEvery
        }
    }

    private let database: SordDatabase

    /// An importer writing into `database`.
    public init(database: SordDatabase) {
        self.database = database
    }

    /// Imports `files` in order. Throws `ImportError.invalidRecords` (nothing imported) when a line is
    /// invalid and `continueOnError` is off, `ImportError.unreadable` when a file cannot be read.
    public func importFiles(_ files: [String], options: Options = Options(),
                            progress: ((ImportProgress) -> Void)? = nil) throws -> ImportSummary {
        var totalBytes: Int64 = 0
        for file in files {
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber else {
                throw ImportError.unreadable(file: file, reason: "no such file")
            }
            totalBytes += size.int64Value
        }
        let staging = ImportStaging(run: Hex.encode((0..<8).map { _ in UInt8.random(in: 0...255) }))
        try database.write { try staging.begin(in: $0) }
        var run = ImportRun(database: database, staging: staging, options: options, totalBytes: totalBytes, progress: progress)
        do {
            for file in files { try run.importFile(file) }
            try run.flush()
            if run.summary.rejectedLines > 0 && !options.continueOnError {
                throw ImportError.invalidRecords(rejections: run.summary.rejections, rejectedLines: run.summary.rejectedLines)
            }
            let inserted = try database.write { try staging.merge(in: $0) }
            for (kind, count) in run.staged {
                run.summary.inserted[kind] = inserted[kind, default: 0]
                run.summary.updated[kind] = count - inserted[kind, default: 0]
            }
            run.summary.inserted = run.summary.inserted.filter { $0.value > 0 }
            run.summary.updated = run.summary.updated.filter { $0.value > 0 }
            return run.summary
        } catch {
            try? database.write { try staging.discard(in: $0) }
            throw error
        }
    }
}

/// The state of one import while it runs.
private struct ImportRun {
    let database: SordDatabase
    let staging: ImportStaging
    let options: ReferenceImporter.Options
    let totalBytes: Int64
    let progress: ((ImportProgress) -> Void)?
    var summary = ImportSummary()
    /// Lines staged per kind (a key staged twice counts twice: the second is an update).
    var staged: [ReferenceRecord.Kind: Int] = [:]
    var pending: [ReferenceRecord] = []
    var lines = 0
    var bytesBefore: Int64 = 0

    init(database: SordDatabase, staging: ImportStaging, options: ReferenceImporter.Options, totalBytes: Int64,
         progress: ((ImportProgress) -> Void)?) {
        self.database = database
        self.staging = staging
        self.options = options
        self.totalBytes = totalBytes
        self.progress = progress
    }

    mutating func importFile(_ file: String) throws {
        var reader = try JSONLinesReader(path: file)
        defer { reader.close() }
        while let line = try reader.next() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            lines += 1
            switch ReferenceRecord.parse(line: line) {
            case .success(let record):
                // After a rejection in all-or-nothing mode nothing will be kept: only keep checking.
                if summary.rejectedLines == 0 || options.continueOnError {
                    pending.append(record)
                    staged[record.kind, default: 0] += 1
                    if pending.count >= options.chunkSize { try flush() }
                }
            case .failure(let problems):
                reject(ImportRejection(file: file, line: reader.lineNumber, problems: problems.problems))
            }
            if let progress, lines % options.progressEvery == 0 {
                progress(ImportProgress(file: file, recordsDone: lines, bytesDone: bytesBefore + reader.bytesRead,
                                        totalBytes: totalBytes))
            }
        }
        bytesBefore += reader.bytesRead
        summary.bytes = bytesBefore
        progress?(ImportProgress(file: file, recordsDone: lines, bytesDone: bytesBefore, totalBytes: totalBytes))
    }

    /// Stages the records read since the last flush, in one short transaction.
    mutating func flush() throws {
        guard !pending.isEmpty, summary.rejectedLines == 0 || options.continueOnError else { return }
        let records = pending
        try database.write { try staging.stage(records, in: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func reject(_ rejection: ImportRejection) {
        summary.rejectedLines += 1
        if !options.continueOnError { pending.removeAll() }  // nothing will be kept
        for code in Set(rejection.problems.map(\.code)) {
            summary.rejectedByReason[code, default: 0] += 1
        }
        if summary.rejections.count < options.keptRejections {
            summary.rejections.append(rejection)
        }
    }
}
