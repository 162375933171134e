import Foundation
import Testing

/// `sord db copy` (SPEC 13): an install moved from SQLite to PostgreSQL and back, checked with
/// `sord audit verify` on each copy and by the daemon serving the copy.
@Suite("Store copy end to end", .serialized)
struct StoreCopyTests {
    @Test("SQLite → PostgreSQL → SQLite: the same rows, the same audit chain, and the daemon carries on from the copy")
    func roundTrip() throws {
        let h = try AccountWorld.harness()
        try h.startDaemon()
        let acks = try AccountWorld.submit(h, "dana", [
            ("pay.json", AccountWorld.payment(AccountWorld.rose, "CEDA", amount: "100.00")),
            ("tds.json", TDSWorld.request([TDSWorld.line(periods: [TDSWorld.lastYear])])),
        ])
        #expect(acks.values.allSatisfy { $0["status"] as? String == "accepted" })
        #expect(h.stopDaemon() == 0)
        let verified = try h.sord(["audit", "verify"])
        #expect(verified.status == 0)

        // Into PostgreSQL.
        let url = try PostgresCluster.newDatabase()
        let copy = try h.sord(["db", "copy", "--to", url])
        #expect(copy.status == 0, "\(copy.err)")
        #expect(copy.out.contains("audit:") && copy.out.contains("mailboxFiles:"))
        let postgres = try configured(h, url: url)
        let onPostgres = try DaemonHarness.run(DaemonHarness.sordBinary, ["audit", "verify", "--config", postgres])
        #expect(onPostgres.status == 0 && onPostgres.out == verified.out, "\(onPostgres.out) \(onPostgres.err)")
        for table in ["users", "submissions", "mailboxFiles", "payments", "caf_authorization", "tax_module"] {
            #expect(try h.sql("SELECT COUNT(*) FROM \(table)") == PostgresCluster.query(url, "SELECT COUNT(*) FROM \(table)").rows, "\(table)")
        }
        #expect(try PostgresCluster.query(url, "SELECT live FROM mailboxCounts WHERE userId = 'dana'").rows
                == h.sql("SELECT live FROM mailboxCounts WHERE userId = 'dana'"))
        // Copying into a store that is not empty is refused.
        #expect(try h.sord(["db", "copy", "--to", url]).status != 0)

        // And back into a new SQLite file, from the PostgreSQL copy.
        let back = h.root.appendingPathComponent("back.sqlite").path
        let returned = try DaemonHarness.run(DaemonHarness.sordBinary, ["db", "copy", "--to", back, "--config", postgres])
        #expect(returned.status == 0, "\(returned.err)")
        let sqliteAgain = try configured(h, url: "", path: back)
        let onSQLite = try DaemonHarness.run(DaemonHarness.sordBinary, ["audit", "verify", "--config", sqliteAgain])
        #expect(onSQLite.status == 0 && onSQLite.out == verified.out)

        // The daemon works on from the PostgreSQL copy: a new file is answered, the chain still verifies.
        try h.switchConfig(to: postgres)
        try h.startDaemon()
        let after = try AccountWorld.submit(h, "dana", [("after.json", TDSWorld.request([TDSWorld.line(periods: [TDSWorld.twoYearsAgo])]))])
        #expect(after["after.json"]?["status"] as? String == "accepted")
        #expect(h.stopDaemon() == 0)
        #expect(try DaemonHarness.run(DaemonHarness.sordBinary, ["audit", "verify", "--config", postgres]).status == 0)
    }

    /// A copy of the harness's configuration with `[database] url` (and `path`) replaced; its path.
    private func configured(_ h: DaemonHarness, url: String, path: String? = nil) throws -> String {
        var text = try String(contentsOfFile: h.configPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "url = \"\"", with: "url = \"\(url)\"")
        if let path { text = text.replacingOccurrences(of: "path = \"\(h.database)\"", with: "path = \"\(path)\"") }
        let copy = h.root.appendingPathComponent("sord-\(UUID().uuidString).toml").path
        try text.write(toFile: copy, atomically: true, encoding: .utf8)
        return copy
    }
}
