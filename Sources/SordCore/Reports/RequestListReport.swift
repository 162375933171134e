/// The `request-list` report (SPEC 12.2): every Tax Pro Account request the requester sent, newest
/// first, with its status as of the report's day (a pending request past its expiry day shows
/// `expired`, see `TaxProAccountRequestExpiry`) and the day it expires.
public struct RequestListReport: AccountReport, Hashable {
    /// A request as the store keeps it, with the taxpayer's entity when on file.
    public struct Sent: Sendable, Hashable {
        /// Its id.
        public var id: String
        /// The taxpayer's dashed TIN.
        public var tin: String
        /// The taxpayer's Master File entity, when on file.
        public var entity: EntityRecord?
        /// `2848` or `8821`.
        public var form: CAFAuthorizationRecord.Form
        /// The matters with their periods.
        public var matters: [Matter]
        /// Its status as stored.
        public var status: TaxProAccountDecisionRules.Status
        /// When it was created: a `Timestamp.iso` instant (its first ten characters are the UTC day).
        public var createdAt: String
        /// When the taxpayer answered, if they did.
        public var decidedAt: String?

        public init(id: String, tin: String, entity: EntityRecord?, form: CAFAuthorizationRecord.Form, matters: [Matter],
                    status: TaxProAccountDecisionRules.Status, createdAt: String, decidedAt: String?) {
            self.id = id
            self.tin = tin
            self.entity = entity
            self.form = form
            self.matters = matters
            self.status = status
            self.createdAt = createdAt
            self.decidedAt = decidedAt
        }
    }

    /// One line of the list.
    public struct Entry: Sendable, Hashable, Encodable {
        /// Its id.
        public let id: String
        /// Masked.
        public let taxpayer: ReportTaxpayer
        /// `2848` or `8821`.
        public let form: String
        /// The matters with their periods.
        public let matters: [Matter]
        /// Its status as of the report day (`expired` past its expiry day).
        public let status: TaxProAccountDecisionRules.Status
        /// When it was created (a `Timestamp.iso` instant).
        public let createdAt: String
        /// When the taxpayer answered, if they did.
        public let decidedAt: String?
        /// The day it expires (or expired) unless answered.
        public let expiresAt: Day?
    }

    /// The report's name in JSON.
    public let report = "request-list"
    /// The day the report was made.
    public let asOf: Day
    /// Newest first.
    public let requests: [Entry]

    /// The list on `asOf`, requests expiring `expiryDays` (`tpa_request_days`) after creation.
    public init(sent: [Sent], expiryDays: Int, asOf: Day) {
        self.asOf = asOf
        requests = sent.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.map { request in
            let created = try? Day(parsing: String(request.createdAt.prefix(10)))
            let status = created.map {
                TaxProAccountRequestExpiry.status(request.status, createdOn: $0, days: expiryDays, asOf: asOf)
            } ?? request.status
            return Entry(id: request.id, taxpayer: ReportTaxpayer(tin: request.tin, entity: request.entity, identity: .masked),
                         form: request.form.rawValue, matters: request.matters, status: status, createdAt: request.createdAt,
                         decidedAt: request.decidedAt,
                         expiresAt: created.map { TaxProAccountRequestExpiry.expiresOn(createdOn: $0, days: expiryDays) })
        }
    }

    public func text() -> String { ReportTextRenderer.render(self) }
}
