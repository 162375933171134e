/// `account-summary` (SPEC 12.3): balances, payments, plan and audit status of one taxpayer's form
/// for one or more periods, as a report. Values are kept as submitted; the rules check them
/// (`ID-001`, `ACC-003`, `ACC-005`).
public struct AccountSummary: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The taxpayer's dashed TIN.
    public let tin: String
    /// The taxpayer's name control, compared after folding (`ACC-003`).
    public let nameControl: String
    /// The return form, e.g. `1040`.
    public let form: String
    /// `YYYY` or `YYYY-MM`; at least one. Each is answered (or rejected) on its own.
    public let periods: [String]
    /// The report's layout; `json` when the document leaves it out.
    public let format: OutputFormat

    public init(clientRef: String? = nil, tin: String, nameControl: String, form: String, periods: [String],
                format: OutputFormat = .json) {
        self.clientRef = clientRef
        self.tin = tin
        self.nameControl = nameControl
        self.form = form
        self.periods = periods
        self.format = format
    }
}
