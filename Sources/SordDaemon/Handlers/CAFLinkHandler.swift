import SordCore
import SordStore

/// `caf-link`: links a CAF number to the submitting practitioner (CAF-001…004).
struct CAFLinkHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .cafLink(let link) = document else { return .rejected([]) }
        let caf: CAFNumber
        switch CAFLinkRules.parse(link.caf) {
        case .failure(let problem): return .rejected([problem])
        case .success(let number): caf = number
        }
        let problems = try CAFLinkCheck.problems(caf: caf, user: context.user, db: context.db)
        guard problems.isEmpty else { return .rejected(problems) }
        try UserRecord.link(context.user.id, caf: caf.description, at: Timestamp.iso(context.now), in: context.db)
        return Outcome(status: .accepted, cafNumber: caf.description,
                       audit: [(action: "user.caf-linked", subject: context.user.id, detail: ["caf": caf.description])])
    }
}

/// Gathers the facts of a CAF link from the database and applies `CAFLinkRules`.
public enum CAFLinkCheck {
    /// The problems with linking `caf` to `user` (empty when it may be linked).
    public static func problems(caf: CAFNumber, user: UserRecord, db: any SQLSession) throws -> [Problem] {
        let reference = ReferenceData(db)
        guard let tin = try? TIN(parsing: user.tin) else {
            return [Problem(.caf002, "Your user record has no valid TIN.")]
        }
        let linked = try UserRecord.linked(caf: caf.description, excluding: user.id, in: db)
        let facts = CAFLinkRules.Facts(representative: try reference.representative(caf: caf), userTIN: tin,
                                       masterFileName: try reference.entity(tin: tin)?.name, linkedUser: linked)
        return CAFLinkRules.check(caf: caf, user: user.id, facts: facts)
    }

    /// For `sord user add --caf`: the canonical CAF number if it may be linked to a new user with
    /// this TIN and name, else an error naming the codes.
    public static func verify(caf text: String, tin: TIN, name: PersonName, user id: String, database: SordDatabase) throws -> String {
        let caf: CAFNumber
        switch CAFLinkRules.parse(text, path: "--caf") {
        case .failure(let problem): throw CAFLinkError(problems: [problem])
        case .success(let number): caf = number
        }
        let probe = UserRecord(id: id, kind: .practitioner, first: name.first, middle: name.middle, last: name.last,
                               suffix: name.suffix, tin: tin.description, ptin: nil, caf: nil, state: .active,
                               certPEM: .init(), certFingerprint: "", createdAt: "")
        let found = try database.read { db in try Self.problems(caf: caf, user: probe, db: db) }
        guard found.isEmpty else { throw CAFLinkError(problems: found) }
        return caf.description
    }
}

/// A CAF number that may not be linked, with the reasons.
public struct CAFLinkError: Error, CustomStringConvertible {
    public let problems: [Problem]
    public var description: String { problems.map { "\($0.code): \($0.message)" }.joined(separator: "; ") }
}
