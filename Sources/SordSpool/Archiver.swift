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

    /// Archives a processed input under the UTC day it was processed. Idempotent: a file already
    /// moved is not an error.
    public func archive(_ file: WorkFile, day: String) throws {
        let folder = layout.archive(day: day)
        try Durable.makeDirectory(folder)
        let from = layout.work + "/" + file.name
        guard Durable.exists(from) else { return }
        try Durable.rename(from, to: folder + "/" + file.name)
    }

    /// Deletes archive day folders (named `yyyy-mm-dd`) that sort before `oldestKept`; returns the
    /// number of files deleted.
    public func sweep(olderThan oldestKept: String) throws -> Int {
        var deleted = 0
        for day in try Durable.list(layout.archiveRoot) where day.count == 10 && day < oldestKept {
            let folder = layout.archive(day: day)
            for name in try Durable.list(folder) {
                if unlink(folder + "/" + name) == 0 { deleted += 1 }
            }
            rmdir(folder)
        }
        return deleted
    }
}
