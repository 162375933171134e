/// Decides what a requester may do with a taxpayer's form and period (SPEC 12 "Visibility"): a
/// practitioner sees where an active 8821 or 2848 naming their linked CAF number covers the form
/// and period, and pays or plans only under a 2848; a taxpayer sees and pays for their own TIN
/// only. Pure: the caller passes the authorizations it read; this function looks at nothing else,
/// so the answer never depends on whether the taxpayer's records exist.
public enum AccountVisibility {
    /// The access of `requester` to `tin`'s `form` and `period`, given authorizations on the CAF
    /// (any may be passed: only active ones naming the requester's CAF number for this TIN and
    /// covering this form and period count).
    public static func access(_ requester: AccountRequester, tin: TIN, form: String, period: TaxPeriod,
                              authorizations: [CAFAuthorizationRecord]) -> AccountAccess {
        access(requester, tin: tin, authorizations: authorizations) { $0.covers(form: form, period: period) }
    }

    /// The best access of `requester` to any period of `tin`'s `form`: what can be known before the
    /// Master File says which periods matter (a payment plan covers every period that owes).
    public static func access(_ requester: AccountRequester, tin: TIN, anyPeriodOf form: String,
                              authorizations: [CAFAuthorizationRecord]) -> AccountAccess {
        access(requester, tin: tin, authorizations: authorizations) { $0.matters.contains { $0.form == form } }
    }

    private static func access(_ requester: AccountRequester, tin: TIN, authorizations: [CAFAuthorizationRecord],
                               covering: (CAFAuthorizationRecord) -> Bool) -> AccountAccess {
        switch requester {
        case .taxpayer(_, let own):
            return own == tin ? .act : .none
        case .practitioner(_, let caf):
            guard let caf else { return .none }
            let found = authorizations.filter {
                $0.status == .active && $0.names(caf) && (try? TIN(parsing: $0.tin)) == tin && covering($0)
            }
            if found.contains(where: { $0.form == .poa2848 }) { return .act }
            return found.isEmpty ? .none : .see
        }
    }
}
