/// The `client-list` report (SPEC 12.2): every active authorization naming the requester's linked
/// CAF number, newest first (by recording day, then id).
public struct ClientListReport: AccountReport, Hashable {
    /// An authorization to list, with what the report needs besides the CAF record.
    public struct Listed: Sendable, Hashable {
        /// The CAF record.
        public var authorization: CAFAuthorizationRecord
        /// The Master File entity of its taxpayer, when on file (for the name).
        public var entity: EntityRecord?
        /// How it came: `upload` or `tax-pro-account`; nil for one imported with the reference
        /// data (`sord import`), shown as `imported`.
        public var channel: AuthorizationDocument.Channel?

        public init(authorization: CAFAuthorizationRecord, entity: EntityRecord?, channel: AuthorizationDocument.Channel?) {
            self.authorization = authorization
            self.entity = entity
            self.channel = channel
        }
    }

    /// One line of the list.
    public struct Entry: Sendable, Hashable, Encodable {
        /// Its id.
        public let id: String
        /// `2848` or `8821`.
        public let form: String
        /// `Power of Attorney (POA)` or `Tax Information Authorization (TIA)`.
        public let formMeaning: String
        /// Full name, masked TIN, individual or business.
        public let taxpayer: ReportTaxpayer
        /// The matters with their periods.
        public let matters: [Matter]
        /// Whether the representative receives notice copies.
        public let receiveNotices: Bool
        /// The day it was recorded on the CAF.
        public let recordedOn: String
        /// `upload`, `tax-pro-account` or `imported`.
        public let channel: String
    }

    /// The report's name in JSON.
    public let report = "client-list"
    /// The day the report was made.
    public let asOf: Day
    /// The requester's linked CAF number.
    public let caf: String
    /// Newest first.
    public let authorizations: [Entry]

    /// The list for CAF number `caf` on `asOf`, from the authorizations read (only active ones
    /// naming `caf` are listed).
    public init(caf: CAFNumber, listed: [Listed], asOf: Day) {
        self.asOf = asOf
        self.caf = caf.description
        authorizations = listed
            .filter { $0.authorization.status == .active && $0.authorization.names(caf) }
            .sorted { ($0.authorization.recordedOn, $0.authorization.id) > ($1.authorization.recordedOn, $1.authorization.id) }
            .map { item in
                let a = item.authorization
                return Entry(id: a.id, form: a.form.rawValue, formMeaning: a.form.meaning,
                             taxpayer: ReportTaxpayer(tin: a.tin, entity: item.entity, identity: .fullNameMaskedTIN),
                             matters: a.matters, receiveNotices: a.receiveNotices, recordedOn: a.recordedOn,
                             channel: item.channel?.rawValue ?? "imported")
            }
    }

    public func text() -> String { ReportTextRenderer.render(self) }
}
