import Foundation
import Testing
import SordCore

/// A small seeded generator (SplitMix64) so a crash run can be replayed from its printed seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The world of the crash test: data made by `sord generate`, one representative in good standing
/// who is an e-File principal with TDS authority, and the inputs that representative submits.
struct CrashWorld {
    /// One input file: its name and bytes.
    struct Input {
        let name: String
        let bytes: Data
        /// Withdrawals race each other on the same authorization only in the duplicate case, so
        /// their acks are compared across runs only when this is false.
        let orderSensitive: Bool
    }

    let dataFolder: URL
    let user: String
    let first: String
    let last: String
    let tin: String
    let caf: String
    /// Active authorization ids of the representative, sorted.
    let activeAuthorizations: [[String: Any]]

    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// Generates the dataset (200 taxpayers, seed 5) into `folder` and picks the representative.
    static func make(in folder: URL) throws -> CrashWorld {
        let generated = try DaemonHarness.run(DaemonHarness.sordBinary,
                                              ["generate", "--taxpayers", "200", "--seed", "5", "--out", folder.path])
        #expect(generated.status == 0, "generate failed: \(generated.err)")
        let reps = try jsonLines(folder.appendingPathComponent("representatives.jsonl"))
        let users = try jsonLines(folder.appendingPathComponent("efile-users.jsonl"))
        let active = try jsonLines(folder.appendingPathComponent("authorizations.jsonl"))
            .filter { $0["status"] as? String == "active" }
        func name(_ record: [String: Any]) -> String {
            let n = record["name"] as? [String: Any] ?? [:]
            return "\(n["first"] as? String ?? "")|\(n["last"] as? String ?? "")"
        }
        var best: CrashWorld?
        for rep in reps where rep["practiceCode"] as? String == "" && rep["tin"] != nil {
            guard let user = users.first(where: { $0["role"] as? String == "principal" && $0["tds"] as? Bool == true
                    && name($0) == name(rep) }),
                  let caf = rep["caf"] as? String else { continue }
            let mine = active.filter { $0["caf"] as? String == caf }
                .sorted { ($0["id"] as? String ?? "") < ($1["id"] as? String ?? "") }
            if mine.count > (best?.activeAuthorizations.count ?? 0) {
                let n = rep["name"] as? [String: Any] ?? [:]
                best = CrashWorld(dataFolder: folder, user: user["user"] as? String ?? "", first: n["first"] as? String ?? "",
                                  last: n["last"] as? String ?? "", tin: rep["tin"] as? String ?? "", caf: caf,
                                  activeAuthorizations: mine)
            }
        }
        return try #require(best, "no representative in good standing with TDS authority and active authorizations")
    }

    /// A harness with the dataset imported and the representative registered as a practitioner.
    func harness(store: Store = .sqlite) throws -> DaemonHarness {
        let h = try DaemonHarness(extraConfig: "[tds]\nmax_per_hour_per_caf = 0", store: store)
        #expect(try h.sord(["init"]).status == 0)
        let files = ["entities", "representatives", "efile-users", "authorizations", "modules"]
            .map { dataFolder.appendingPathComponent("\($0).jsonl").path }
        let imported = try h.sord(["import"] + files)
        #expect(imported.status == 0, "import failed: \(imported.err)")
        try h.addUser(user, first: first, last: last, tin: tin, keyType: "ec", extra: ["--caf", caf])
        return h
    }

    /// The mixed stream: valid TDS requests on authorizations that stay active, requests with an
    /// unauthorized item (TDS-103), withdrawals (one of them twice), broken JSON and unknown types.
    /// Deterministic: the same world gives the same inputs.
    func inputs(nameControls: [String: String], year: Int, requests: Int = 22) -> [Input] {
        let withdrawn = Array(activeAuthorizations.prefix(4))
        let kept = activeAuthorizations.dropFirst(4)
        var items: [[String: Any]] = []
        for authorization in kept {
            guard let tin = authorization["tin"] as? String, let control = nameControls[tin] else { continue }
            for matter in authorization["matters"] as? [[String: Any]] ?? [] {
                guard let form = matter["form"] as? String, form != "Civil Penalty" else { continue }
                for period in matter["periods"] as? [String] ?? [] {
                    guard let y = Int(period.prefix(4)), y >= year - 9, y <= year else { continue }
                    items.append(["tin": tin, "nameControl": control, "product": "account", "form": form, "periods": [period]])
                }
            }
        }
        let covered = Set(activeAuthorizations.compactMap { $0["tin"] as? String })
        let stranger = nameControls.keys.sorted().first { tin in
            !covered.contains(tin) && tin.count == 11 && tin != self.tin
        } ?? "400-99-9999"
        let unauthorized: [String: Any] = ["tin": stranger, "nameControl": nameControls[stranger] ?? "ZZZZ", "product": "account",
                                           "form": "1040", "periods": [String(year - 1)]]
        func json(_ object: [String: Any]) -> Data {
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        }
        var result: [Input] = []
        var cursor = 0
        for i in 0..<requests where !items.isEmpty {
            let count = 1 + i % 3
            let lines = (0..<count).map { items[(cursor + $0) % items.count] }
            cursor += count
            result.append(Input(name: "tds-\(i).json", bytes: json(["type": "transcript-request", "clientRef": "c\(i)", "requests": lines]),
                                orderSensitive: false))
        }
        for i in 0..<6 {
            var lines = [unauthorized]
            if i % 2 == 0, !items.isEmpty { lines.insert(items[i % items.count], at: 0) }
            result.append(Input(name: "unauth-\(i).json", bytes: json(["type": "transcript-request", "clientRef": "u\(i)", "requests": lines]),
                                orderSensitive: false))
        }
        for (i, authorization) in (withdrawn + withdrawn.prefix(1)).enumerated() {
            result.append(Input(name: "withdraw-\(i).json",
                                bytes: json(["type": "withdrawal", "clientRef": "w\(i)", "authorization": authorization["id"] as? String ?? ""]),
                                orderSensitive: true))
        }
        for i in 0..<4 {
            result.append(Input(name: "broken-\(i).json", bytes: Data(#"{"type":"transcript-request","requests":[{"tin":"#.utf8) + Data(repeating: 0x7B, count: i),
                                orderSensitive: false))
        }
        for i in 0..<3 {
            result.append(Input(name: "unknown-\(i).json", bytes: json(["type": "telegram-\(i)", "body": "hello"]), orderSensitive: false))
        }
        return result
    }
}

extension DaemonHarness {
    /// Runs `sql` on the daemon's store with its own stock client (`sqlite3` or `psql`); returns
    /// the rows, columns joined by `|`.
    func sql(_ sql: String) throws -> [String] {
        if let databaseURL {
            let result = try PostgresCluster.query(databaseURL, sql)
            #expect(result.status == 0, "psql failed: \(result.err)")
            return result.rows
        }
        let result = try Self.run("/usr/bin/sqlite3", [database, sql])
        #expect(result.status == 0, "sqlite3 failed: \(result.err)")
        return result.out.split(separator: "\n").map(String.init)
    }

    /// Regular files anywhere below `path` (relative paths).
    func regularFiles(under path: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let next = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + next, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(next)
            }
        }
        return files
    }

    /// Waits until the user's mailbox holds `count` acks; returns how many it holds.
    func waitForAckCount(_ user: String, _ count: Int, timeout: TimeInterval) -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = mailboxFiles(user).filter { $0.contains(".ack.") }.count
        while seen < count && Date() < deadline {
            usleep(100_000)
            seen = mailboxFiles(user).filter { $0.contains(".ack.") }.count
        }
        return seen
    }
}
