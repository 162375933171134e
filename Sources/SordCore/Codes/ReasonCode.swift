/// A reason code from the catalogue of SPEC section 6: what went wrong and what to fix.
///
/// The catalogue lives here and nowhere else; `sord codes` prints it and every rejection names one.
public struct ReasonCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable code, e.g. `SUB-005`.
    public let code: String
    /// A short title saying what the rule is.
    public let title: String
    /// What the submitter should do to fix it.
    public let fix: String

    public var description: String { code }

    init(_ code: String, _ title: String, fix: String) {
        self.code = code
        self.title = title
        self.fix = fix
    }

    /// Looks a code up by its text (`"TDS-103"`), or nil when it is not in the catalogue.
    public static func named(_ code: String) -> ReasonCode? {
        all.first { $0.code == code }
    }
}

extension ReasonCode {
    // MARK: Submission (whole file)
    public static let sub001 = ReasonCode("SUB-001", "Not a regular single-link file",
        fix: "Submit a regular file, not a symlink, hard link, FIFO or device.")
    public static let sub002 = ReasonCode("SUB-002", "File too large",
        fix: "Split the submission so each file stays under the configured max_bytes.")
    public static let sub003 = ReasonCode("SUB-003", "Not UTF-8 or not parseable",
        fix: "Send UTF-8 text that is valid JSON (or CSV for .csv files).")
    public static let sub004 = ReasonCode("SUB-004", "Missing or unknown document type",
        fix: "Set \"type\" to one of authorization, authorization-decision, withdrawal, caf-link, delegation, transcript-request.")
    public static let sub005 = ReasonCode("SUB-005", "Schema error",
        fix: "Correct the field named at the JSON path: add it, remove it, or give it the right type and shape.")
    public static let sub006 = ReasonCode("SUB-006", "Duplicate of an earlier submission",
        fix: "Do not resend the same file; its earlier submission already has an acknowledgement.")
    public static let sub007 = ReasonCode("SUB-007", "This user may not submit this type",
        fix: "Submit this document type from a user of the right kind (practitioner or taxpayer).")
    public static let sub008 = ReasonCode("SUB-008", "Unsupported file name",
        fix: "Name the file with a .json or .csv extension.")

    // MARK: Identifiers
    public static let id001 = ReasonCode("ID-001", "Invalid TIN",
        fix: "Write a valid SSN or ITIN as NNN-NN-NNNN, or an EIN with a valid prefix as NN-NNNNNNN.")
    public static let id002 = ReasonCode("ID-002", "Invalid CAF number",
        fix: "Write the CAF number as NNNN-NNNNN with an optional one-letter suffix, or \"None\".")
    public static let id003 = ReasonCode("ID-003", "Invalid PTIN",
        fix: "Write the PTIN as P followed by 8 digits.")
    public static let id004 = ReasonCode("ID-004", "Invalid or impossible date",
        fix: "Write dates as YYYY-MM-DD with a real calendar day.")
    public static let id005 = ReasonCode("ID-005", "Invalid state or ZIP",
        fix: "Use a two-letter USPS state code and a ZIP of 5 digits or ZIP+4 (NNNNN-NNNN).")

    // MARK: Authorizations (2848/8821)
    public static let auth001 = ReasonCode("AUTH-001", "Taxpayer TIN not on the Master File",
        fix: "Check the taxpayer's TIN against the return they filed.")
    public static let auth002 = ReasonCode("AUTH-002", "Taxpayer name does not match the Master File",
        fix: "Write the taxpayer's name exactly as on their last return (the name control must match).")
    public static let auth003 = ReasonCode("AUTH-003", "Taxpayer address does not match the Master File",
        fix: "Write the taxpayer's address as on their last return, or have them file a change of address first.")
    public static let auth004 = ReasonCode("AUTH-004", "Representative's CAF number not on the CAF",
        fix: "Check the CAF number, or write \"None\" to have one assigned.")
    public static let auth005 = ReasonCode("AUTH-005", "Representative's name or address does not match the CAF",
        fix: "Write the representative's name and address as they stand on the CAF, or update the CAF record first.")
    public static let auth006 = ReasonCode("AUTH-006", "Representative's CAF not in good standing",
        fix: "A representative whose practice code is D, E, R, S or I cannot be recorded; remove them.")
    public static let auth007 = ReasonCode("AUTH-007", "Submitter is not a representative on the form",
        fix: "Submit the form from the account of one of its representatives (linked CAF number or PTIN).")
    public static let auth008 = ReasonCode("AUTH-008", "Period missing, malformed or nonspecific",
        fix: "List specific periods as YYYY or YYYY-MM; \"all years\" is not accepted.")
    public static let auth009 = ReasonCode("AUTH-009", "Future period too far ahead",
        fix: "List periods ending no more than 3 years after the date the form is received.")
    public static let auth010 = ReasonCode("AUTH-010", "Taxpayer signature or date missing",
        fix: "Have the taxpayer sign and date the form.")
    public static let auth011 = ReasonCode("AUTH-011", "Received more than 120 days after the taxpayer signed",
        fix: "Have the taxpayer sign a new form and submit it within 120 days.")
    public static let auth012 = ReasonCode("AUTH-012", "Representative signature missing, early or late",
        fix: "Each 2848 representative signs on or after the taxpayer, within 45 days of the taxpayer's signature.")
    public static let auth013 = ReasonCode("AUTH-013", "Designation, jurisdiction or PTIN missing",
        fix: "Give each 2848 representative a designation (a, b, c, d, e, f, g, h, k, r), a jurisdiction for a, b, c or g, and a PTIN for h.")
    public static let auth014 = ReasonCode("AUTH-014", "More than two representatives ask for notice copies",
        fix: "Let at most two representatives receive notice copies.")
    public static let auth015 = ReasonCode("AUTH-015", "Fields of the other form type",
        fix: "Remove 2848-only fields (designation, jurisdiction, licenseNumber, signedOn, additionalActs, actsNotAuthorized) from an 8821.")

    // MARK: Tax Pro Account
    public static let tpa001 = ReasonCode("TPA-001", "Taxpayer is not an individual",
        fix: "Use the Tax Pro Account only for individual taxpayers; upload a signed form for a business.")
    public static let tpa002 = ReasonCode("TPA-002", "Address outside the 50 states and DC",
        fix: "The taxpayer's and the representative's CAF address must be in the 50 states or DC; upload a signed form instead.")
    public static let tpa003 = ReasonCode("TPA-003", "Matter not offered",
        fix: "Request only Income/1040, Split Spousal Assessment/1040 or 8857, Shared Responsibility Payment (2014 or later) or Civil Penalty.")
    public static let tpa004 = ReasonCode("TPA-004", "Period not offered",
        fix: "Use calendar years from 2000 to this year + 3; civil penalty periods must end in March, June, September or December.")
    public static let tpa005 = ReasonCode("TPA-005", "Line 4, 5a, 5b or 6 used",
        fix: "Remove specific use, additional acts, acts not authorized and retention of prior authorizations, or upload a signed form.")
    public static let tpa006 = ReasonCode("TPA-006", "Practitioner's Master File name does not match their CAF name",
        fix: "Update the CAF record (or your Master File name) so the two names agree.")
    public static let tpa007 = ReasonCode("TPA-007", "A POA needs designation a, b, c, g or r",
        fix: "Only attorneys, CPAs, enrolled agents, enrolled actuaries and enrolled retirement plan agents may send a POA request.")
    public static let tpa008 = ReasonCode("TPA-008", "Taxpayer has no online account",
        fix: "Ask the taxpayer to create an online account, or upload a signed form instead.")
    public static let tpa009 = ReasonCode("TPA-009", "Request unknown, not pending, or not addressed to this taxpayer",
        fix: "Answer only a pending request that was delivered to your own mailbox, using its request id.")
    public static let tpa010 = ReasonCode("TPA-010", "Two other representatives already receive notice copies",
        fix: "The request is not processed; submit it without asking for notice copies.")

    // MARK: CAF link, withdrawal, delegation
    public static let caf001 = ReasonCode("CAF-001", "CAF number not on file",
        fix: "Check the CAF number.")
    public static let caf002 = ReasonCode("CAF-002", "CAF record's TIN is not the user's",
        fix: "Link only the CAF number issued to you.")
    public static let caf003 = ReasonCode("CAF-003", "Master File name does not match the CAF name",
        fix: "Update the CAF record so its name matches your Master File name.")
    public static let caf004 = ReasonCode("CAF-004", "CAF number already linked to another user",
        fix: "Contact the operator: each CAF number links to one user.")
    public static let wd001 = ReasonCode("WD-001", "Authorization unknown, not active, or not naming the submitter",
        fix: "Withdraw only an active authorization that names your CAF number.")
    public static let ef001 = ReasonCode("EF-001", "Submitter is not a principal or responsible official of that EFIN",
        fix: "Only a principal or responsible official of the e-File application may grant or revoke authorities.")
    public static let ef002 = ReasonCode("EF-002", "Delegate unknown or not on that application",
        fix: "Name a user who is a delegate on that e-File application.")

    // MARK: TDS, whole request
    public static let tds001 = ReasonCode("TDS-001", "Requester holds no TDS authority",
        fix: "Ask a principal or responsible official of your e-File application to grant you TDS.")
    public static let tds002 = ReasonCode("TDS-002", "e-File application name does not match the CAF name",
        fix: "Make your name on the e-File application and on the CAF agree (the IRS name game).")
    public static let tds003 = ReasonCode("TDS-003", "Requester has no linked CAF number",
        fix: "Link your CAF number with a caf-link document first.")
    public static let tds004 = ReasonCode("TDS-004", "Requester's CAF not in good standing",
        fix: "A CAF number with practice code D, E, R, S or I cannot request transcripts.")

    // MARK: TDS, per item
    public static let tds101 = ReasonCode("TDS-101", "Invalid TIN",
        fix: "Write the taxpayer's TIN dashed: NNN-NN-NNNN or NN-NNNNNNN.")
    public static let tds102 = ReasonCode("TDS-102", "Name control does not match the Master File",
        fix: "Give the first four letters of the taxpayer's last name (or business name) as the IRS derives them.")
    public static let tds103 = ReasonCode("TDS-103", "No authorization on the CAF for this taxpayer, form and period",
        fix: "Have a Form 2848 or 8821 naming your CAF number recorded for this taxpayer, form and period.")
    public static let tds104 = ReasonCode("TDS-104", "No such record on the Master File",
        fix: "Check the TIN, form and period.")
    public static let tds105 = ReasonCode("TDS-105", "Period outside the product's window",
        fix: "Return, record of account and non-filing: this year and 3 prior; account and wage & income: this year and 9 prior.")
    public static let tds106 = ReasonCode("TDS-106", "Product not available for this form or kind of taxpayer",
        fix: "Businesses get account, return and entity transcripts; individuals every product but entity.")
    public static let tds107 = ReasonCode("TDS-107", "Unmasked asked for a product other than wage & income",
        fix: "Ask for unmasked transcripts only with product wage-and-income.")
    public static let tds108 = ReasonCode("TDS-108", "Customer file number invalid",
        fix: "Use 1 to 10 digits that are not a TIN.")
    public static let tds109 = ReasonCode("TDS-109", "Requester's mailbox is full",
        fix: "Download and delete files from your mailbox, then resend.")
    public static let tds110 = ReasonCode("TDS-110", "Wage & income has more than 85 documents",
        fix: "Request the wage & income documents through another channel.")
    public static let tds111 = ReasonCode("TDS-111", "Rate limit for the CAF number reached",
        fix: "Wait an hour and resend.")
    public static let tds112 = ReasonCode("TDS-112", "A return was filed for that year",
        fix: "Request a return or account transcript instead of a verification of non-filing.")

    /// Every code, in catalogue order.
    public static let all: [ReasonCode] = [
        sub001, sub002, sub003, sub004, sub005, sub006, sub007, sub008,
        id001, id002, id003, id004, id005,
        auth001, auth002, auth003, auth004, auth005, auth006, auth007, auth008, auth009, auth010,
        auth011, auth012, auth013, auth014, auth015,
        tpa001, tpa002, tpa003, tpa004, tpa005, tpa006, tpa007, tpa008, tpa009, tpa010,
        caf001, caf002, caf003, caf004, wd001, ef001, ef002,
        tds001, tds002, tds003, tds004,
        tds101, tds102, tds103, tds104, tds105, tds106, tds107, tds108, tds109, tds110, tds111, tds112,
    ]
}
