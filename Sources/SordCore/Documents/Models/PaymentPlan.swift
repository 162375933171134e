/// `payment-plan` (SPEC 12.5): set up a plan for an individual's Form 1040 balances, or revise
/// one. Values are kept as submitted; the rules check them (`PaymentPlanRules`).
public struct PaymentPlan: Sendable, Hashable {
    /// What the document asks for.
    public enum Action: Sendable, Hashable {
        /// `"action": "create"`.
        case create(Creation)
        /// `"action": "revise"`.
        case revise(Revision)
    }

    /// The terms as a document writes them; which are present follows the plan type (the schema
    /// checks that for a creation; for a revision, the rules, against the plan it revises).
    public struct Terms: Sendable, Hashable {
        /// A decimal string (`"300.00"`), long-term only.
        public let monthlyPayment: String?
        /// `YYYY-MM-DD`, short-term only.
        public let payBy: String?
        /// Day of the month the monthly payment is due (`PLAN-005`: 1–28), long-term only.
        public let dueDay: Int?
        /// The account debited on each due day, long-term only.
        public let directDebit: BankAccountEntry?

        public init(monthlyPayment: String? = nil, payBy: String? = nil, dueDay: Int? = nil,
                    directDebit: BankAccountEntry? = nil) {
            self.monthlyPayment = monthlyPayment
            self.payBy = payBy
            self.dueDay = dueDay
            self.directDebit = directDebit
        }
    }

    /// `{"action":"create","tin","nameControl","plan":"long-term"|"short-term", …terms}`.
    public struct Creation: Sendable, Hashable {
        /// The taxpayer's dashed TIN.
        public let tin: String
        /// The taxpayer's name control, compared after folding (`ACC-003`).
        public let nameControl: String
        /// The plan type.
        public let kind: PaymentPlanKind
        /// The terms as submitted.
        public let terms: Terms

        public init(tin: String, nameControl: String, kind: PaymentPlanKind, terms: Terms) {
            self.tin = tin
            self.nameControl = nameControl
            self.kind = kind
            self.terms = terms
        }
    }

    /// `{"action":"revise","plan":"<id>","planType"?, …terms}`: the fields given replace the
    /// plan's; `planType` changes the type (`"plan"` names the plan here, so the type has its own
    /// field).
    public struct Revision: Sendable, Hashable {
        /// The id of the plan to revise.
        public let plan: String
        /// The new type, when it changes.
        public let kind: PaymentPlanKind?
        /// The terms as submitted.
        public let terms: Terms

        public init(plan: String, kind: PaymentPlanKind? = nil, terms: Terms) {
            self.plan = plan
            self.kind = kind
            self.terms = terms
        }
    }

    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// Create or revise.
    public let action: Action

    public init(clientRef: String? = nil, action: Action) {
        self.clientRef = clientRef
        self.action = action
    }
}
