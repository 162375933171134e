import SordCore
import SordStore

/// `delegation` (SPEC 5.5): a principal or responsible official of an e-File application grants or
/// revokes TDS for a delegate on it (EF-001, EF-002), setting the delegate's TDS flag.
struct DelegationHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .delegation(let delegation) = document else { return .rejected([]) }
        let efin: EFIN
        switch DelegationRules.parse(delegation) {
        case .failure(let problem): return .rejected([problem])
        case .success(let number): efin = number
        }
        let reference = ReferenceData(context.db)
        let facts = DelegationRules.Facts(
            submitter: try reference.efileMember(efin: efin, user: context.user.id),
            delegateIsUser: try UserRecord.find(delegation.delegate, in: context.db) != nil,
            delegate: try reference.efileMember(efin: efin, user: delegation.delegate))
        let problems = DelegationRules.check(delegation, facts: facts)
        guard problems.isEmpty else { return .rejected(problems) }
        let grant = delegation.action == .grant
        try reference.setEFileTDS(efin: efin, user: delegation.delegate, granted: grant)
        return Outcome(status: .accepted,
                       audit: [(action: grant ? "efile.tds-granted" : "efile.tds-revoked", subject: delegation.delegate,
                                detail: ["efin": efin.description])])
    }
}
