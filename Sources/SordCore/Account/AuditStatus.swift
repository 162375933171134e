/// Where a correspondence examination (audit by mail) of a module stands (SPEC 12.3 `audit`),
/// derived from its examination transactions in posting order: TC 420 opens one, TC 424 refers
/// it, TC 421 closes it; the latest of them decides, so a return examined again after a closed
/// examination is `open` again. TC 300 amounts are the additional tax the examinations assessed.
public struct AuditStatus: Sendable, Hashable, Encodable {
    /// The four states an account summary shows.
    public enum State: String, Sendable, Hashable, CaseIterable, Encodable {
        /// No examination transaction.
        case none
        /// TC 420 without a later TC 421.
        case open
        /// TC 424 without a later TC 421.
        case referred
        /// TC 421 after the examination's opening.
        case closed
    }

    /// Which of the four states.
    public let status: State
    /// The day the examination opened (its TC 420, or TC 424 when it began with a referral).
    public let openedOn: Day?
    /// The day it closed (TC 421), for `closed`.
    public let closedOn: Day?
    /// The sum of the module's TC 300 amounts: additional tax assessed by examination.
    public let additionalTax: Money

    /// The status shown by a module's transactions.
    public init(_ transactions: [AccountTransaction]) {
        var status = State.none
        var openedOn: Day?
        var closedOn: Day?
        var additionalTax = Money.zero
        let ordered = transactions.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        for transaction in ordered.map(\.element) {
            let day = try? Day(parsing: transaction.date)
            switch transaction.code {
            case TransactionCodes.examinationOpened:
                if status != .open && status != .referred { openedOn = day }
                status = .open
                closedOn = nil
            case TransactionCodes.examinationReferred:
                if status != .open && status != .referred { openedOn = day }
                status = .referred
                closedOn = nil
            case TransactionCodes.examinationClosed:
                status = .closed
                closedOn = day
            case TransactionCodes.examinationAssessment:
                additionalTax = additionalTax + transaction.amount
            default:
                break
            }
        }
        self.status = status
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.additionalTax = additionalTax
    }
}
