/// The rules of an `account-summary` (SPEC 12.3, ACC-001 … ACC-006): the request as a whole, then
/// each period on its own.
///
/// Authorization before existence: ACC-005 (the period's shape and window) and ACC-004 (no
/// covering authorization, or not the taxpayer's own TIN) are decided without the Master File;
/// the entity and modules are consulted only for periods the requester may see, so an
/// unauthorized requester gets the same ACC-004 whether or not the taxpayer exists. ACC-003 (name
/// control) is judged against the Master File only once some period is visible.
public enum AccountSummaryRules {
    /// How far back an account summary reaches: this year and 20 prior (ACC-005).
    public static let yearsBack = 20

    /// What the rules need besides the document.
    public struct Facts: Sendable {
        /// Who asks.
        public var requester: AccountRequester
        /// For a practitioner: where their linked CAF number stands (ACC-001, ACC-002); ignored
        /// for a taxpayer.
        public var standing: LinkedCAFStanding
        /// Active authorizations of the taxpayer naming the requester's CAF number (more may be
        /// passed; `AccountVisibility` keeps the ones that count).
        public var authorizations: [CAFAuthorizationRecord]
        /// The Master File entity under the TIN, when on file.
        public var entity: EntityRecord?
        /// The taxpayer's modules of the document's form (any period).
        public var modules: [TaxModuleRecord]

        public init(requester: AccountRequester, standing: LinkedCAFStanding = .unlinked,
                    authorizations: [CAFAuthorizationRecord], entity: EntityRecord?, modules: [TaxModuleRecord]) {
            self.requester = requester
            self.standing = standing
            self.authorizations = authorizations
            self.entity = entity
            self.modules = modules
        }
    }

    /// The answer for one submitted period.
    public enum PeriodOutcome: Sendable, Hashable {
        /// Shown: the requester may see it and the Master File has its module.
        case shown(TaxPeriod, TaxModuleRecord)
        /// Rejected with ACC-004, ACC-005 or ACC-006 at `$.periods[i]`.
        case rejected([Problem])

        /// Whether the period is shown.
        public var isShown: Bool {
            if case .shown = self { return true }
            return false
        }

        /// The period's problems (none when shown).
        public var problems: [Problem] {
            if case .rejected(let problems) = self { return problems }
            return []
        }
    }

    /// The verdict on a whole summary.
    public enum Verdict: Sendable, Hashable {
        /// Nothing is shown: the request as a whole fails (ID-001, ACC-001, ACC-002, ACC-003), with
        /// the periods' own ACC-005 problems too; or no period may be shown (each one's problems).
        case rejected([Problem])
        /// Each period in submission order, shown or rejected on its own (at least one shown);
        /// `entity` is the taxpayer the report is about.
        case answered(EntityRecord, [PeriodOutcome])
    }

    /// The verdict on `document` on `today`.
    public static func verdict(_ document: AccountSummary, facts: Facts, today: Day) -> Verdict {
        var problems: [Problem] = []
        if case .practitioner = facts.requester { problems += AccountViewRules.check(facts.standing) }
        let tin = SubmittedFields.tin(document.tin, path: "$.tin", &problems)
        let nameControl = AccountNameControl.parse(document.nameControl, &problems)
        var periods: [TaxPeriod?] = []
        var periodProblems: [Problem] = []
        for (index, text) in document.periods.enumerated() {
            let period = try? TaxPeriod(parsing: text)
            if period.map({ !$0.isWithin(yearsBack: yearsBack, of: today) }) ?? true {
                periodProblems.append(Problem(.acc005, period == nil
                    ? "The period must be YYYY or YYYY-MM (the month the period ends)."
                    : "An account summary covers \(today.year - yearsBack) through \(today.year); period \(text) is outside that window.",
                    path: periodPath(index)))
                periods.append(nil)
            } else {
                periods.append(period)
            }
        }
        guard problems.isEmpty, let tin, let nameControl else { return .rejected(problems + periodProblems) }

        let access = periods.map { period in
            period.map { AccountVisibility.access(facts.requester, tin: tin, form: document.form, period: $0,
                                                  authorizations: facts.authorizations) } ?? .none
        }
        if access.contains(where: \.maySee), let entity = facts.entity,
           let mismatch = AccountNameControl.mismatch(nameControl, entity: entity) {
            return .rejected([mismatch] + periodProblems)
        }
        let outcomes = periods.enumerated().map { index, period -> PeriodOutcome in
            let path = periodPath(index)
            guard let period else { return .rejected(periodProblems.filter { $0.path == path }) }
            guard access[index].maySee else {
                return .rejected([Problem(.acc004, facts.requester.isTaxpayer
                    ? "You may see only your own account; this TIN is not yours."
                    : "No active Form 2848 or 8821 on the CAF names your CAF number for this taxpayer, form \(document.form) and period \(period).",
                    path: path)])
            }
            guard facts.entity != nil, let module = facts.modules.first(where: { $0.isModule(form: document.form, period: period) }) else {
                return .rejected([Problem(.acc006, "There is no Master File account for form \(document.form), period \(period).", path: path)])
            }
            return .shown(period, module)
        }
        guard let entity = facts.entity, outcomes.contains(where: \.isShown) else {
            return .rejected(outcomes.flatMap(\.problems))
        }
        return .answered(entity, outcomes)
    }

    private static func periodPath(_ index: Int) -> String { "$.periods[\(index)]" }
}
