import Foundation
import Testing
@testable import SordCore

@Suite("Secure messages and PPS orders: MSG-001, MSG-002, PPS-001…003, the message file")
struct MessageAndPPSRulesTests {
    typealias F = AccountFixtures

    static func party(_ user: String, _ kind: UserKind, active: Bool = true, caf: CAFNumber? = nil,
                      tin: String? = nil) -> SecureMessageRules.Party {
        .init(user: user, kind: kind, active: active, caf: caf, tin: tin.map { try! TIN(parsing: $0) })
    }

    static let dana = party("dana.oak", .practitioner, caf: F.dana)
    static let ralph = party("ralph.teak", .taxpayer, tin: "400-01-2345")

    static func message(to: String = "dana.oak", tin: String = "400-01-2345", period: String = "2024") -> SecureMessage {
        SecureMessage(to: to, tin: tin, form: "1040", period: period, subject: "Your 2024 return", body: "Send receipts.")
    }

    static func codes(_ verdict: SecureMessageRules.Verdict) -> [String] {
        switch verdict {
        case .send(let tin, let period): ["send \(tin) \(period)"]
        case .rejected(let problems): problems.map(\.code)
        }
    }

    static let sendCases: [(String, SecureMessage, SecureMessageRules.Party?, [String])] = [
        ("practitioner under a 2848", message(), dana, ["send 400-01-2345 2024"]),
        ("practitioner under an 8821", message(period: "2023"), dana, ["send 400-01-2345 2023"]),
        ("practitioner, revoked authorization", message(period: "2022"), dana, ["MSG-002"]),
        ("practitioner, uncovered period", message(period: "2020"), dana, ["MSG-002"]),
        ("practitioner without a usable CAF", message(), party("dana.oak", .practitioner), ["MSG-002"]),
        ("the taxpayer's own user", message(to: "ralph.teak", period: "2019"), ralph, ["send 400-01-2345 2019"]),
        ("another taxpayer", message(tin: "400-01-2346"), ralph, ["MSG-002"]),
        ("a disabled practitioner", message(), party("dana.oak", .practitioner, active: false, caf: F.dana), ["MSG-002"]),
        ("staff", message(to: "pat"), party("pat", .staff), ["MSG-002"]),
        ("unknown recipient", message(to: "nobody"), nil, ["MSG-002"]),
        ("bad TIN and period", message(tin: "000-00-0000", period: "24"), dana, ["ID-001", "SUB-005"]),
    ]

    @Test("secure-message", arguments: sendCases)
    func send(_ name: String, message: SecureMessage, recipient: SecureMessageRules.Party?, expected: [String]) {
        #expect(Self.codes(SecureMessageRules.verdict(message, recipient: recipient, authorizations: F.authorizations)) == expected,
                "\(name)")
    }

    static let original = SecureMessageRecord(id: "M-1", thread: "M-1", from: "pat", to: "dana.oak", tin: F.ralphTIN, form: "1040",
                                              period: try! TaxPeriod(parsing: "2024"), subject: "Your 2024 return",
                                              body: "Send receipts.", createdAt: "2026-11-20T09:00:00.000Z")

    @Test("message-reply", arguments: [
        ("the recipient answers", original, dana, [String]()),
        ("unknown message", nil, dana, ["MSG-001"]),
        ("not addressed to the replier", original, party("lee", .practitioner, caf: F.lee), ["MSG-001"]),
        ("authorization withdrawn since", SecureMessageRecord(id: "M-2", thread: "M-2", from: "pat", to: "dana.oak", tin: F.ralphTIN,
                                                              form: "1040", period: try! TaxPeriod(parsing: "2022"), subject: "s",
                                                              body: "b", createdAt: "2026-11-20T09:00:00.000Z"), dana, ["MSG-002"]),
    ] as [(String, SecureMessageRecord?, SecureMessageRules.Party, [String])])
    func reply(_ name: String, original: SecureMessageRecord?, replier: SecureMessageRules.Party, expected: [String]) {
        #expect(SecureMessageRules.checkReply(original: original, replier: replier, authorizations: F.authorizations).map(\.code)
                == expected, "\(name)")
    }

    @Test func aReplyStaysInItsThreadAndGoesBackToTheSender() throws {
        let reply = Self.original.reply(id: "M-9", body: "Sent them.", createdAt: "2026-11-21T10:00:00.000Z")
        #expect(reply.thread == "M-1" && reply.from == "dana.oak" && reply.to == "pat" && reply.subject == "Your 2024 return")
        let json = try #require(JSONSerialization.jsonObject(with: reply.payload.json()) as? [String: Any])
        #expect(json["type"] as? String == "message" && json["message"] as? String == "M-9" && json["thread"] as? String == "M-1")
        #expect((json["taxpayer"] as? [String: String]) == ["tin": "XXX-XX-2345"])
        #expect(json["period"] as? String == "2024" && json["form"] as? String == "1040" && json["body"] as? String == "Sent them.")
        #expect(json["createdAt"] as? String == "2026-11-21T10:00:00.000Z" && json["subject"] as? String == "Your 2024 return")
        #expect(json.keys.sorted() == ["body", "createdAt", "form", "from", "message", "period", "subject", "taxpayer", "thread", "to", "type"])
        #expect(!String(decoding: try reply.payload.json(), as: UTF8.self).contains("400-01-2345"))
    }

    // MARK: PPS orders

    static let good = PPSOrderRules.Practitioner(kind: .practitioner, active: true,
                                                 standing: LinkedCAFStanding(linkedCAF: F.dana, representative: F.danaRecord))

    /// An order of `taxpayers` taxpayers, each with `periods` periods of one product.
    static func order(taxpayers: Int, periods: Int) -> PPSOrder {
        let lines = (0..<taxpayers).map { index in
            TranscriptRequestLine(tin: "400-01-\(2345 + index)", nameControl: "TEAK", product: .account, form: "1040",
                                  periods: (0..<periods).map { String(2026 - $0) }, source: .json(request: index))
        }
        return PPSOrder(practitioner: "dana.oak", transcripts: TranscriptRequest(requests: lines))
    }

    static var thirtyOneInTwoLines: PPSOrder {
        let lines = [
            TranscriptRequestLine(tin: "400-01-2345", nameControl: "TEAK", product: .account, form: "1040",
                                  periods: (0..<20).map { String(2026 - $0) }, source: .json(request: 0)),
            TranscriptRequestLine(tin: "400-01-2345", nameControl: "TEAK", product: .return, form: "1040",
                                  periods: (0..<11).map { String(2026 - $0) }, source: .json(request: 1)),
        ]
        return PPSOrder(practitioner: "dana.oak", transcripts: TranscriptRequest(requests: lines))
    }

    static let ppsCases: [(String, PPSOrder, PPSOrderRules.Practitioner?, [String])] = [
        ("5 taxpayers, 30 transcripts each", order(taxpayers: 5, periods: 30), good, []),
        ("6 taxpayers", order(taxpayers: 6, periods: 1), good, ["PPS-001 $.requests"]),
        ("31 transcripts for one taxpayer", order(taxpayers: 1, periods: 31), good, ["PPS-002 $.requests[0]"]),
        ("31 over two lines", thirtyOneInTwoLines, good, ["PPS-002 $.requests[0]"]),
        ("unknown practitioner", order(taxpayers: 1, periods: 1), nil, ["PPS-003 $.practitioner"]),
        ("a taxpayer user", order(taxpayers: 1, periods: 1), .init(kind: .taxpayer, active: true, standing: .unlinked),
         ["PPS-003 $.practitioner"]),
        ("disabled", order(taxpayers: 1, periods: 1), .init(kind: .practitioner, active: false, standing: good.standing),
         ["PPS-003 $.practitioner"]),
        ("no linked CAF", order(taxpayers: 1, periods: 1), .init(kind: .practitioner, active: true, standing: .unlinked),
         ["PPS-003 $.practitioner"]),
        ("CAF not in good standing", order(taxpayers: 1, periods: 1), .init(kind: .practitioner, active: true, standing: .notOnFile(F.dana)),
         ["PPS-003 $.practitioner"]),
        ("everything at once", order(taxpayers: 6, periods: 31), nil,
         ["PPS-001 $.requests"] + (0..<6).map { "PPS-002 $.requests[\($0)]" } + ["PPS-003 $.practitioner"]),
    ]

    @Test("pps-order", arguments: ppsCases)
    func pps(_ name: String, order: PPSOrder, practitioner: PPSOrderRules.Practitioner?, expected: [String]) {
        #expect(PPSOrderRules.check(order, practitioner: practitioner).map { "\($0.code) \($0.path ?? "-")" } == expected, "\(name)")
    }

    @Test func ppsItemsAreDecidedByTheTDSItemRules() {
        let item = Self.order(taxpayers: 1, periods: 1).transcripts.items[0]
        #expect(TDSItemRules.check(item, access: .unauthorized, today: F.today).map(\.code) == ["TDS-103"])
    }

    @Test func mailboxFilesOfReportsAndMessagesHaveTheirKinds() throws {
        let id = SortableID(unixMillis: 1_750_000_000_000, randomHigh: 1, randomLow: 2)
        for kind in [MailboxKind.report, .message] {
            let name = MailboxFileName(id: id, kind: kind, format: .json)
            #expect(MailboxFileName(name.description) == name)
        }
    }
}
