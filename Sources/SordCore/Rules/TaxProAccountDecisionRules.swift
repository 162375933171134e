/// The rules of a taxpayer's `authorization-decision` on a Tax Pro Account request (SPEC 5.2,
/// TPA-009, TPA-010).
public enum TaxProAccountDecisionRules {
    /// Where a Tax Pro Account request stands.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// Waiting for the taxpayer.
        case pending
        /// Approved and recorded on the CAF.
        case approved
        /// Rejected by the taxpayer.
        case rejected
        /// Approved, but not recorded: two other representatives already receive notice copies.
        case notProcessed = "not-processed"
        /// Not answered within `tpa_request_days` (`TaxProAccountRequestExpiry`).
        case expired
    }

    /// How many representatives may receive notice copies for one taxpayer (TPA-010).
    public static let maxNoticeRecipients = 2

    /// TPA-009 unless the request exists, is pending and was delivered to `decider`. One message
    /// for all three cases, so the answer does not tell whether someone else's request exists.
    /// Pass the status as of today (`TaxProAccountRequestExpiry.status`), so an expired request
    /// is refused even before the scheduler has marked it.
    public static func check(status: Status?, addressedTo: String?, decider: String) -> Problem? {
        guard status == .pending, addressedTo == decider else {
            return Problem(.tpa009, "There is no pending request with this id in your mailbox (an unanswered request expires).",
                           path: "$.request")
        }
        return nil
    }

    /// TPA-010: the request asks for notice copies and two other representatives already receive
    /// them under the taxpayer's active authorizations, leaving out the ones this approval revokes.
    public static func exceedsNoticeLimit(receiveNotices: Bool, representative: CAFNumber,
                                          active: [CAFAuthorizationRecord], revoking: Set<String>) -> Bool {
        guard receiveNotices else { return false }
        let others = Set(active.compactMap { record -> Int? in
            guard record.status == .active, record.receiveNotices, !revoking.contains(record.id),
                  let caf = try? CAFNumber(parsing: record.caf), caf.number != representative.number else { return nil }
            return caf.number
        })
        return others.count >= maxNoticeRecipients
    }
}
