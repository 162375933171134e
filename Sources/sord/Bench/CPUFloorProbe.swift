import Foundation
import SordSeal
import SordStore
#if canImport(Glibc)
import Glibc
#endif

/// The CPU one delivery cannot do without, measured by sord's own code paths in isolation on this
/// machine (issue 18): sealing a rendered transcript to the bench recipient (gzip, a fresh AES-256-GCM
/// key, RSA-OAEP key transport, DER) and inserting a sealed file's bytes in a batched transaction.
/// Everything else the daemon spends per delivery (deciding, rendering, journaling, file writes) is
/// measured against this floor.
enum CPUFloorProbe {
    /// Microseconds of CPU per delivery, by part.
    struct Floor: Codable {
        /// `Sealer.seal` of the transcript: gzip, AES-256-GCM, RSA-OAEP, DER.
        var seal_us = 0.0
        /// One row of `size` sealed bytes in a batched insert (one transaction per `batch`).
        var insert_us = 0.0
        var total_us: Double { seal_us + insert_us }
    }

    /// Measures over `count` deliveries of `transcript` sealed to `certificate`, inserted into a
    /// scratch SQLite database in `folder` in batches of `batch`.
    static func measure(transcript: Data, certificate: RecipientCertificate, folder: String, count: Int = 500,
                        batch: Int = 256) throws -> Floor {
        var floor = Floor()
        var sealed = Data()
        floor.seal_us = try cpuMicroseconds(per: count) {
            for _ in 0..<count { sealed = try Sealer.seal(transcript, to: certificate) }
        }
        let database = try SordDatabase.open(path: folder + "/floor.sqlite", url: nil)
        defer { database.close() }
        try database.write { db in _ = try db.execute("CREATE TABLE floor (id INTEGER PRIMARY KEY, body BLOB NOT NULL)") }
        let row: [SQLValue] = [.blob([UInt8](sealed))]
        floor.insert_us = try cpuMicroseconds(per: count) {
            for start in stride(from: 0, to: count, by: batch) {
                let rows = Array(repeating: row, count: min(batch, count - start))
                try database.write { db in try db.insert(rows, into: "floor", columns: ["body"]) }
            }
        }
        return floor
    }

    /// CPU time of this process (user + system, every thread: the store may write on one of its
    /// own) spent in `body`, in microseconds per `count`. The bench process does nothing else meanwhile.
    private static func cpuMicroseconds(per count: Int, _ body: () throws -> Void) throws -> Double {
        let before = processCPU()
        try body()
        return (processCPU() - before) * 1e6 / Double(max(count, 1))
    }

    private static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
