/// A TDS transcript ready to render (SPEC 7, DOMAIN.md "Transcripts"): the header, the taxpayer
/// block and the blocks of its product, every value already masked (or not, when `unmasked` was
/// asked). The text and JSON renderers show exactly this content; dates are `YYYY-MM-DD`.
public struct Transcript: Sendable, Hashable, Encodable {
    public var product: TranscriptProduct
    /// The product's title as the IRS prints it ("Account Transcript").
    public var title: String
    /// False only for an unmasked wage & income transcript.
    public var masked: Bool
    /// The day the request was received.
    public var requestDate: String
    /// The day the transcript was made; balances and accruals are "as of" this day.
    public var responseDate: String
    /// Unique per transcript, for the requester's and the IRS's reference.
    public var trackingNumber: String
    public var form: String
    /// The tax period as requested (`YYYY` or `YYYY-MM`).
    public var taxPeriod: String
    /// The last day of the tax period.
    public var taxPeriodEnd: String
    public var customerFileNumber: String?
    public var taxpayer: Taxpayer
    /// Account balance with accrued interest and penalty (account, record of account).
    public var balance: Balance?
    /// Information from the return as filed or adjusted (account, return, record of account).
    public var returnInfo: ReturnInfo?
    /// Posted transactions (account, record of account).
    public var transactions: [Transaction]?
    /// The year's wage & income documents (wage & income).
    public var incomeDocuments: [IncomeDocumentEntry]?
    /// The statement that no return was processed (verification of non-filing).
    public var nonFiling: NonFiling?
    /// The business entity's filings (entity).
    public var entity: Entity?

    public init(product: TranscriptProduct, title: String, masked: Bool, requestDate: String, responseDate: String,
                trackingNumber: String, form: String, taxPeriod: String, taxPeriodEnd: String,
                customerFileNumber: String?, taxpayer: Taxpayer) {
        self.product = product
        self.title = title
        self.masked = masked
        self.requestDate = requestDate
        self.responseDate = responseDate
        self.trackingNumber = trackingNumber
        self.form = form
        self.taxPeriod = taxPeriod
        self.taxPeriodEnd = taxPeriodEnd
        self.customerFileNumber = customerFileNumber
        self.taxpayer = taxpayer
    }

    private enum CodingKeys: String, CodingKey {
        case product, title, masked, requestDate, responseDate, trackingNumber, form, taxPeriod, taxPeriodEnd
        case customerFileNumber, taxpayer, balance, returnInfo = "return", transactions, incomeDocuments, nonFiling, entity
    }

    /// The title of each product.
    public static func title(of product: TranscriptProduct) -> String {
        switch product {
        case .account: "Account Transcript"
        case .recordOfAccount: "Record of Account Transcript"
        case .return: "Tax Return Transcript"
        case .wageAndIncome: "Wage and Income Transcript"
        case .verificationOfNonFiling: "Verification of Non-filing Letter"
        case .entity: "Entity Transcript"
        }
    }
}
