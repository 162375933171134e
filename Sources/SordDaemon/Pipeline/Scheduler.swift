import Foundation
import Logging
import SordCore
import SordStore

/// The scheduler (SPEC 12.6): the work that falls due on a day (UTC) — Tax Pro Account requests
/// expiring, scheduled payments posting, direct debits of payment plans — done up to today at
/// start-up and every `scheduler_seconds`, in date order, each posting exactly once across crashes
/// and nodes. Each posting commits in one transaction with its notices' outbox rows and audit
/// entry, and is keyed by the state it changes (a request's `pending`, a payment's `scheduled`, a
/// plan's last debit day), so a repeat after a crash, or on another node, finds it done. Used from
/// the processing thread only.
final class Scheduler {
    let database: SordDatabase
    let decider: Decider
    let deliverer: Deliverer
    let logger: Logger

    init(database: SordDatabase, decider: Decider, deliverer: Deliverer, logger: Logger) {
        self.database = database
        self.decider = decider
        self.deliverer = deliverer
        self.logger = logger
    }

    /// One piece of due work.
    private struct Due {
        /// The day it falls due.
        let day: Day
        /// Expiry first, then payments, then debits on the same day; then by id.
        let order: Int
        let id: String
        let work: Work
    }

    private enum Work {
        case expire(request: String)
        case post(payment: String)
        case debit(plan: String)
    }

    /// Does everything due up to the day of `now`; returns how many postings it made.
    @discardableResult
    func run(now: Date, requestDays: Int) throws -> Int {
        let today = try Day(parsing: Timestamp.day(now))
        var done = 0
        for due in try dueWork(today: today, requestDays: requestDays) where try post(due, now: now) {
            done += 1
            CrashPoint.reach(.afterPosting)
        }
        if done > 0 { logger.notice("scheduler posted due work", metadata: ["postings": "\(done)", "through": "\(today)"]) }
        return done
    }

    /// Everything due up to `today`, in date order.
    private func dueWork(today: Day, requestDays: Int) throws -> [Due] {
        try database.read { db in
            var due: [Due] = []
            // A request created on day D expires on D + days: those created before the day after
            // today - days are the candidates.
            let createdBefore = today.adding(days: 1 - requestDays).description + "T00:00:00.000Z"
            for request in try TaxProAccountRequestRecord.pending(createdBefore: createdBefore, in: db) {
                guard let created = try? Day(parsing: String(request.createdAt.prefix(10))) else { continue }
                due.append(Due(day: TaxProAccountRequestExpiry.expiresOn(createdOn: created, days: requestDays), order: 0,
                               id: request.id, work: .expire(request: request.id)))
            }
            for payment in try PaymentRecord.due(through: today, in: db) {
                due.append(Due(day: payment.date, order: 1, id: payment.id, work: .post(payment: payment.id)))
            }
            for plan in try PaymentPlanRecord.directDebited(in: db) {
                for day in plan.dueDebits(through: today) {
                    due.append(Due(day: day, order: 2, id: plan.id, work: .debit(plan: plan.id)))
                }
            }
            return due.sorted { ($0.day, $0.order, $0.id) < ($1.day, $1.order, $1.id) }
        }
    }

    /// Posts one piece of due work in a transaction of its own; false when it was done already.
    private func post(_ due: Due, now: Date) throws -> Bool {
        let cause = due.id
        let at = Timestamp.iso(now)
        var rows: [MailboxFileRecord] = []
        let posted = try database.write { db -> Bool in
            try db.lock(.decision)
            let postings = AccountPostings(db: db, cause: cause, now: now)
            let deliveries: [PlannedDelivery]
            let action: String
            switch due.work {
            case .expire(let id):
                guard try TaxProAccountRequestRecord.expire(id, at: at, in: db), let request = try TaxProAccountRequestRecord.find(id, in: db)
                else { return false }
                deliveries = try expiryNotices(request, now: now)
                action = "tpa.request-expired"
            case .post(let id):
                guard let payment = try PaymentRecord.find(id, in: db), try PaymentRecord.settle(id, as: .processed, in: db) else { return false }
                deliveries = try postings.post(payment)
                action = "payment.posted"
            case .debit(let id):
                guard let plan = try PaymentPlanRecord.find(id, in: db), let notices = try postings.debit(plan, on: due.day) else { return false }
                deliveries = notices
                action = "payment-plan.debited"
            }
            let sealing = Sealing()
            let staged = try decider.stage(deliveries, cause: cause, now: now, db: db, sealing: sealing)
            rows = try sealing.finish(staged, db: db)
            try AuditLog.append(db, at: at, actor: "sord", action: action, subject: due.id, detail: ["due": due.day.description])
            return true
        }
        if posted { deliverer.finish(committed: rows, done: [], day: Timestamp.day(now)) }
        return posted
    }

    /// The notice to the representative that their Tax Pro Account request expired.
    private func expiryNotices(_ request: TaxProAccountRequestRecord, now: Date) throws -> [PlannedDelivery] {
        guard let practitioner = UserID(request.practitionerId) else { return [] }
        var notice = AccountNotification(.requestExpired,
                                         "Your Tax Pro Account request \(request.id) expired unanswered; send a new one if it is still needed.",
                                         cause: request.id, at: now)
        notice.request = request.id
        notice.taxpayer = (try? TIN(parsing: request.tin)).map(Masking.tin)
        notice.form = request.form
        return [try notice.delivery(to: practitioner)]
    }
}
