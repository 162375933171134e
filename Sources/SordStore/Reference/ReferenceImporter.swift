import Foundation
import GRDB
import SordCore

/// Imports reference-data JSON Lines files (SPEC section 9) into the database.
///
/// Every line is decoded, checked by `RecordValidation` and upserted. By default the whole import
/// is one transaction: one invalid line anywhere and nothing is imported (every invalid line is
/// still reported, with file and line). With `continueOnError` invalid lines are skipped and
/// counted, and the good ones are committed in batches.
public struct ReferenceImporter: Sendable {
    /// How to import.
    public struct Options: Sendable {
        /// Skip invalid lines instead of importing nothing.
        public var continueOnError: Bool
        /// With `continueOnError`, commit after this many records (bounds the WAL and keeps progress).
        public var batchSize: Int
        /// How many rejections the summary or error keeps for display.
        public var keptRejections: Int
        /// Call the progress handler every this many lines.
        public var progressEvery: Int
        /// SQLite page cache for the import, in MiB (restored afterwards). A large import writes
        /// far more pages than the default 2 MB holds; a bigger cache spills them to the WAL less.
        public var cacheMebibytes: Int

        public init(continueOnError: Bool = false, batchSize: Int = 50_000, keptRejections: Int = 100,
                    progressEvery: Int = 5_000, cacheMebibytes: Int = 1_024) {
            self.continueOnError = continueOnError
            self.batchSize = batchSize
            self.keptRejections = keptRejections
            self.progressEvery = progressEvery
            self.cacheMebibytes = cacheMebibytes
        }
    }

    private let writer: any DatabaseWriter

    /// An importer writing into `database`.
    public init(database: SordDatabase) {
        writer = database.pool
    }

    /// An importer writing through any GRDB writer (a pool or a queue).
    public init(writer: any DatabaseWriter) {
        self.writer = writer
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
        return try writer.writeWithoutTransaction { db in
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            try db.execute(sql: "PRAGMA cache_size = \(-1_024 * max(1, options.cacheMebibytes))")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            var run = ImportRun(data: ReferenceData(db), options: options, totalBytes: totalBytes, progress: progress)
            try db.beginTransaction(.immediate)
            do {
                for file in files { try run.importFile(file) }
                if run.summary.rejectedLines > 0 && !options.continueOnError {
                    throw ImportError.invalidRecords(rejections: run.summary.rejections,
                                                     rejectedLines: run.summary.rejectedLines)
                }
                try db.commit()
            } catch {
                if db.isInsideTransaction { try? db.rollback() }
                throw error
            }
            return run.summary
        }
    }
}

/// The state of one import while it runs.
private struct ImportRun {
    let data: ReferenceData
    let options: ReferenceImporter.Options
    let totalBytes: Int64
    let progress: ((ImportProgress) -> Void)?
    var summary = ImportSummary()
    var lines = 0
    var sinceCommit = 0
    var bytesBefore: Int64 = 0

    init(data: ReferenceData, options: ReferenceImporter.Options, totalBytes: Int64,
         progress: ((ImportProgress) -> Void)?) {
        self.data = data
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
                    switch try data.upsert(record) {
                    case .inserted: summary.inserted[record.kind, default: 0] += 1
                    case .updated: summary.updated[record.kind, default: 0] += 1
                    }
                    sinceCommit += 1
                }
            case .failure(let problems):
                reject(ImportRejection(file: file, line: reader.lineNumber, problems: problems.problems))
            }
            if options.continueOnError, sinceCommit >= options.batchSize {
                try data.db.commit()
                try data.db.beginTransaction(.immediate)
                sinceCommit = 0
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

    private mutating func reject(_ rejection: ImportRejection) {
        summary.rejectedLines += 1
        for code in Set(rejection.problems.map(\.code)) {
            summary.rejectedByReason[code, default: 0] += 1
        }
        if summary.rejections.count < options.keptRejections {
            summary.rejections.append(rejection)
        }
    }
}
