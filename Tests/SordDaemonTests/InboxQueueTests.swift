import Foundation
import Logging
import SordCore
import SordSpool
import Testing
@testable import SordDaemon

/// The order in which queued inbox files are taken (issue 18, "fair to small requests"): user by
/// user in turn, a user who had nothing waiting first, and batches bounded by bytes so a bulk file
/// is decided apart from a small request of another user.
@Suite("Inbox queue fairness")
struct InboxQueueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Files noted complete, in order, as "user/name:bytes".
        let arrivals: [String]
        /// Files noted open (never taken).
        var writing: [String] = []
        var count = 256
        var budget: Int64 = 1 << 20
        /// Each `take` in turn, as the names taken.
        let takes: [[String]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "one user: arrival order",
             arrivals: ["ann/a1:10", "ann/a2:10", "ann/a3:10"], takes: [["a1", "a2", "a3"], []]),
        Case(name: "a newcomer goes first, then turns alternate",
             arrivals: ["ann/a1:10", "ann/a2:10", "ann/a3:10", "bob/b1:10", "bob/b2:10"],
             takes: [["b1", "a1", "b2", "a2", "a3"]]),
        Case(name: "the batch size counts files across users",
             arrivals: ["ann/a1:10", "ann/a2:10", "bob/b1:10", "bob/b2:10"], count: 3,
             takes: [["b1", "a1", "b2"], ["a2"]]),
        Case(name: "a bulk file does not share a batch with a small request taken before it",
             arrivals: ["ann/big1:40000", "ann/big2:40000", "bob/one:300"], budget: 32_768,
             takes: [["one"], ["big1"], ["big2"], []]),
        Case(name: "files within the budget share a batch; the one that would pass it starts the next",
             arrivals: ["ann/a1:10000", "ann/a2:10000", "ann/a3:10000", "ann/a4:10000"], budget: 32_768,
             takes: [["a1", "a2", "a3"], ["a4"]]),
        Case(name: "a file still open is never taken",
             arrivals: ["ann/a1:10", "ann/a2:10", "ann/a3:10"], writing: ["ann/a2"],
             takes: [["a1", "a3"]]),
        Case(name: "a repeated event does not queue a file twice",
             arrivals: ["ann/a1:10", "ann/a1:10", "bob/b1:10", "ann/a2:10"],
             takes: [["b1", "a1", "a2"]]),
    ]

    @Test("take order", arguments: cases)
    func takeOrder(_ c: Case) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sord-queue-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let queue = InboxQueue(scanner: InboxScanner(layout: SpoolLayout(root: root)), logger: Logger(label: "test"))
        var sizes: [String: Int64] = [:]
        func parse(_ entry: String) -> (UserID, String) {
            let parts = entry.split(separator: "/")
            return (UserID(String(parts[0]))!, String(parts[1].split(separator: ":")[0]))
        }
        for arrival in c.arrivals {
            let (user, name) = parse(arrival)
            sizes[name] = Int64(arrival.split(separator: ":")[1])!
            try queue.note(.file(user, name + ".json"), settleSeconds: 0, now: Date())
        }
        for open in c.writing {
            let (user, name) = parse(open)
            try queue.note(.writing(user, name + ".json"), settleSeconds: 0, now: Date())
        }
        for expected in c.takes {
            let taken = queue.take(c.count, budget: c.budget) { sizes[String($0.name.dropLast(5))] ?? 0 }
            #expect(taken.map { String($0.name.dropLast(5)) } == expected)
        }
    }
}
