import Testing
import SordCore

@Suite("Authorization rules: decisions, withdrawals, delegations")
struct AuthorizationDecisionRulesTests {
    typealias Status = TaxProAccountDecisionRules.Status

    @Test("TPA-009: unknown, not pending, or addressed to someone else", arguments: [
        (nil, nil, "ralph", true),
        (Status.pending, "ralph", "ralph", false),
        (.pending, "ralph", "rita", true),
        (.approved, "ralph", "ralph", true),
        (.rejected, "ralph", "ralph", true),
        (.notProcessed, "ralph", "ralph", true),
    ] as [(Status?, String?, String, Bool)])
    func decisionAddressee(status: Status?, addressedTo: String?, decider: String, rejected: Bool) {
        let problem = TaxProAccountDecisionRules.check(status: status, addressedTo: addressedTo, decider: decider)
        #expect((problem?.code == "TPA-009") == rejected)
        #expect((problem == nil) == !rejected)
    }

    private static func authorization(_ id: String, caf: String, notices: Bool, status: CAFAuthorizationRecord.Status = .active) -> CAFAuthorizationRecord {
        CAFAuthorizationRecord(id: id, form: .poa2848, tin: "400-01-2345", caf: caf,
                               matters: [Matter(description: "Income", form: "1040", periods: ["2024"])],
                               receiveNotices: notices, status: status, recordedOn: "2026-01-01")
    }

    /// TPA-010 counts other representatives with notice copies on active authorizations that this
    /// approval does not revoke; the same representative twice counts once.
    @Test("TPA-010: two other notice recipients", arguments: [
        ("none yet", true, [], [], false),
        ("one other", true, ["A:2012-34567:y"], [], false),
        ("two others", true, ["A:2012-34567:y", "B:3212-34567:y"], [], true),
        ("two others, request without notices", false, ["A:2012-34567:y", "B:3212-34567:y"], [], false),
        ("one other twice", true, ["A:2012-34567:y", "B:2012-34567R:y"], [], false),
        ("the representative's own earlier one does not count", true, ["A:0312-34567:y", "B:3212-34567:y"], [], false),
        ("one of them is revoked by this approval", true, ["A:2012-34567:y", "B:3212-34567:y"], ["B"], false),
        ("one of them without notices", true, ["A:2012-34567:y", "B:3212-34567:n"], [], false),
        ("one of them withdrawn", true, ["A:2012-34567:y", "B:3212-34567:w"], [], false),
    ] as [(String, Bool, [String], [String], Bool)])
    func noticeLimit(label: String, notices: Bool, active: [String], revoking: [String], exceeds: Bool) throws {
        let records = active.map { spec in
            let parts = spec.split(separator: ":").map(String.init)
            return Self.authorization(parts[0], caf: parts[1], notices: parts[2] != "n", status: parts[2] == "w" ? .withdrawn : .active)
        }
        let result = TaxProAccountDecisionRules.exceedsNoticeLimit(
            receiveNotices: notices, representative: try CAFNumber(parsing: "0312-34567R"), active: records, revoking: Set(revoking))
        #expect(result == exceeds, "\(label)")
    }

    @Test("WD-001", arguments: [
        ("active, names the submitter", "active", "0312-34567R", "0312-34567", false),
        ("unknown", nil, nil, "0312-34567", true),
        ("revoked", "revoked", "0312-34567R", "0312-34567", true),
        ("withdrawn", "withdrawn", "0312-34567R", "0312-34567", true),
        ("another representative's", "active", "2012-34567", "0312-34567", true),
        ("submitter without linked CAF", "active", "0312-34567R", nil, true),
    ] as [(String, String?, String?, String?, Bool)])
    func withdrawal(label: String, status: String?, caf: String?, submitter: String?, rejected: Bool) throws {
        let record = status.map { Self.authorization("A-1", caf: caf ?? "", notices: false, status: .init(rawValue: $0)!) }
        let problem = WithdrawalRules.check(authorization: record, submitterCAF: try submitter.map { try CAFNumber(parsing: $0) })
        #expect((problem?.code == "WD-001") == rejected, "\(label)")
        #expect((problem == nil) == !rejected, "\(label)")
    }

    private static func member(_ user: String, _ role: EFileUserRecord.Role) -> EFileUserRecord {
        EFileUserRecord(efin: "123456", firm: "Oak & Ash CPAs", user: user, role: role,
                        name: .person(first: "A", middle: nil, last: "B", suffix: nil), tds: false)
    }

    @Test("EF-001 before EF-002", arguments: [
        ("principal grants a delegate", EFileUserRecord.Role.principal as EFileUserRecord.Role?, true, EFileUserRecord.Role.delegate as EFileUserRecord.Role?, [String]()),
        ("responsible official grants a delegate", .responsibleOfficial, true, .delegate, []),
        ("a delegate may not", .delegate, true, .delegate, ["EF-001"]),
        ("not on the application", nil, true, .delegate, ["EF-001"]),
        ("not on the application, delegate unknown too", nil, false, nil, ["EF-001"]),
        ("delegate not a user", .principal, false, nil, ["EF-002"]),
        ("delegate not on the application", .principal, true, nil, ["EF-002"]),
        ("delegate is a principal", .principal, true, .principal, ["EF-002"]),
    ] as [(String, EFileUserRecord.Role?, Bool, EFileUserRecord.Role?, [String])])
    func delegation(label: String, submitter: EFileUserRecord.Role?, delegateIsUser: Bool, delegate: EFileUserRecord.Role?, expected: [String]) {
        let document = Delegation(efin: "123456", delegate: "ash", authority: .tds, action: .grant)
        let facts = DelegationRules.Facts(submitter: submitter.map { Self.member("dana", $0) }, delegateIsUser: delegateIsUser,
                                          delegate: delegate.map { Self.member("ash", $0) })
        #expect(DelegationRules.check(document, facts: facts).map(\.code) == expected, "\(label)")
    }

    @Test("an EFIN that is not 6 digits names no application", arguments: ["12345", "1234567", "12345a", ""])
    func invalidEFIN(_ efin: String) {
        guard case .failure(let problem) = DelegationRules.parse(Delegation(efin: efin, delegate: "ash", authority: .tds, action: .grant)) else {
            Issue.record("expected EF-001")
            return
        }
        #expect(problem.code == "EF-001")
    }
}
