/// The rules of secure messages (SPEC 12.7): a staff user's `secure-message` goes only to a
/// practitioner whose linked CAF number holds an active 2848 or 8821 for the taxpayer, form and
/// period, or to the taxpayer's own user (MSG-002); a `message-reply` answers only a message
/// addressed to the replier (MSG-001), who must still have that access (MSG-002). One MSG-002
/// message whatever the reason, so the sender does not learn more about the recipient than
/// whether the message may go.
public enum SecureMessageRules {
    /// A sord user as the message rules see them.
    public struct Party: Sendable, Hashable {
        /// The user id.
        public var user: String
        /// Practitioner, taxpayer or staff.
        public var kind: UserKind
        /// False for a disabled user.
        public var active: Bool
        /// A practitioner's linked CAF number when on the CAF in good standing
        /// (`LinkedCAFStanding.usableCAF`).
        public var caf: CAFNumber?
        /// The user's own TIN.
        public var tin: TIN?

        public init(user: String, kind: UserKind, active: Bool, caf: CAFNumber?, tin: TIN?) {
            self.user = user
            self.kind = kind
            self.active = active
            self.caf = caf
            self.tin = tin
        }

        /// The party as an account requester; nil for staff or a disabled user.
        var requester: AccountRequester? {
            guard active else { return nil }
            switch kind {
            case .practitioner: return .practitioner(user: user, caf: caf)
            case .taxpayer: return tin.map { .taxpayer(user: user, tin: $0) }
            case .staff: return nil
            }
        }
    }

    /// The verdict on a `secure-message`.
    public enum Verdict: Sendable, Hashable {
        /// It may be sent; the taxpayer and period typed.
        case send(tin: TIN, period: TaxPeriod)
        /// Every problem found.
        case rejected([Problem])
    }

    /// The verdict on a `secure-message`: ID-001, SUB-005 for a malformed period, MSG-002.
    /// `recipient` is the user named by `to`, nil when unknown; `authorizations` those on the CAF
    /// for the taxpayer (only active ones naming the recipient's CAF number count).
    public static func verdict(_ message: SecureMessage, recipient: Party?,
                               authorizations: [CAFAuthorizationRecord]) -> Verdict {
        var problems: [Problem] = []
        let tin = SubmittedFields.tin(message.tin, path: "$.tin", &problems)
        let period = try? TaxPeriod(parsing: message.period)
        if period == nil {
            problems.append(Problem(.sub005, "The period must be YYYY or YYYY-MM (the month the period ends).", path: "$.period"))
        }
        guard let tin, let period else { return .rejected(problems) }
        guard mayRead(recipient, tin: tin, form: message.form, period: period, authorizations: authorizations) else {
            return .rejected([Problem(.msg002, "The recipient is neither a practitioner holding an active 2848 or 8821 for this taxpayer, form and period, nor the taxpayer.",
                                      path: "$.to")])
        }
        return .send(tin: tin, period: period)
    }

    /// The problems of a `message-reply` by `replier` to `original` (the message with the named id,
    /// nil when there is none).
    public static func checkReply(original: SecureMessageRecord?, replier: Party,
                                  authorizations: [CAFAuthorizationRecord]) -> [Problem] {
        guard let original, original.to == replier.user else {
            return [Problem(.msg001, "There is no message with this id addressed to you.", path: "$.message")]
        }
        guard mayRead(replier, tin: original.tin, form: original.form, period: original.period, authorizations: authorizations) else {
            return [Problem(.msg002, "You no longer hold an active 2848 or 8821 for this taxpayer, form and period.", path: "$.message")]
        }
        return []
    }

    /// Whether `party` may read messages about the taxpayer's form and period.
    private static func mayRead(_ party: Party?, tin: TIN, form: String, period: TaxPeriod,
                                authorizations: [CAFAuthorizationRecord]) -> Bool {
        guard let requester = party?.requester else { return false }
        return AccountVisibility.access(requester, tin: tin, form: form, period: period, authorizations: authorizations).maySee
    }
}
