import SordCore
#if canImport(Glibc)
import Glibc
#endif

/// Moves processed inputs from `work/` into `archive/<yyyy-mm-dd>/`, and deletes archive days older
/// than the retention window.
public struct Archiver: Sendable {
    public let layout: SpoolLayout

    public init(layout: SpoolLayout) {
        self.layout = layout
    }

    /// Archives a processed input (its whole work folder) under the UTC day it was processed.
    /// Idempotent: a folder already moved (by this node before a crash, or by another) is not an error.
    public func archive(_ file: WorkFile, day: String) throws {
        let folder = layout.archive(day: day)
        try Durable.makeDirectory(folder)
        guard Glibc.rename(layout.work + "/" + file.folder, folder + "/" + file.folder) == 0 || errno == ENOENT else {
            throw SpoolError("archive rename")
        }
    }

    /// Archive day folders (named `yyyy-mm-dd`) that sort before `oldestKept`, with the number of
    /// inputs each holds.
    public func expiredDays(olderThan oldestKept: String) throws -> [(day: String, inputs: Int)] {
        try Durable.list(layout.archiveRoot).filter { $0.count == 10 && $0 < oldestKept }.sorted().map { day in
            (day, (try? Durable.list(layout.archive(day: day)).count) ?? 0)
        }
    }

    /// Deletes one archive day folder and everything in it; returns the number of inputs deleted.
    @discardableResult
    public func delete(day: String) throws -> Int {
        let folder = layout.archive(day: day)
        var deleted = 0
        for entry in (try? Durable.list(folder)) ?? [] {
            let path = folder + "/" + entry
            if let names = try? Durable.list(path) {
                for name in names { unlink(path + "/" + name) }
                if rmdir(path) == 0 { deleted += 1 }
            } else if unlink(path) == 0 {
                deleted += 1  // an input archived flat by the first version
            }
        }
        rmdir(folder)
        return deleted
    }
}
