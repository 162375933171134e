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
        fix: "Set \"type\" to one of authorization, authorization-decision, withdrawal, caf-link, delegation, transcript-request, caf-request, client-list, request-list, account-summary, payment, payment-cancel, payment-plan, secure-message, message-reply, pps-order.")
    public static let sub005 = ReasonCode("SUB-005", "Schema error",
        fix: "Correct the field named at the JSON path: add it, remove it, or give it the right type and shape.")
    public static let sub006 = ReasonCode("SUB-006", "Duplicate of an earlier submission",
        fix: "Do not resend the same file; its earlier submission already has an acknowledgement.")
    public static let sub007 = ReasonCode("SUB-007", "This user may not submit this type",
        fix: "Submit this document type from a user of the right kind (practitioner, taxpayer or staff; see SPEC 5.7).")
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
    public static let tpa009 = ReasonCode("TPA-009", "Request unknown, not pending (answered or expired), or not addressed to this taxpayer",
        fix: "Answer only a pending request that was delivered to your own mailbox, using its request id, before it expires; for an expired one, ask the representative to send a new request.")
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

    // MARK: CAF request
    public static let caf005 = ReasonCode("CAF-005", "The user already has a linked CAF number",
        fix: "Use the CAF number already linked to your profile; a new one is issued only to a practitioner without one.")

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

    // MARK: Account views (client-list, request-list, account-summary)
    public static let acc001 = ReasonCode("ACC-001", "Requester has no linked CAF number",
        fix: "Link your CAF number with a caf-link document (or ask for one with a caf-request) first.")
    public static let acc002 = ReasonCode("ACC-002", "Requester's CAF not in good standing",
        fix: "A CAF number with practice code D, E, R, S or I cannot see client accounts; resolve the practice code with the CAF unit.")
    public static let acc003 = ReasonCode("ACC-003", "Name control does not match the Master File",
        fix: "Give the first four letters of the taxpayer's last name as the IRS derives them (e.g. TEAK).")
    public static let acc004 = ReasonCode("ACC-004", "No authorization covers this taxpayer, form and period",
        fix: "Have a Form 2848 or 8821 naming your CAF number recorded for this taxpayer, form and period; a taxpayer sees only their own TIN.")
    public static let acc005 = ReasonCode("ACC-005", "Period malformed or outside this year and 20 prior",
        fix: "Write the period as YYYY or YYYY-MM, from 20 years ago through this year.")
    public static let acc006 = ReasonCode("ACC-006", "No such account on the Master File",
        fix: "Check the TIN, form and period: the Master File holds no account (module) for them.")

    // MARK: Payments
    public static let pay001 = ReasonCode("PAY-001", "No active 2848 covers this taxpayer, form and period",
        fix: "Have a Form 2848 (POA) naming your CAF number recorded for this taxpayer, form and period; an 8821 lets you see, not pay. A taxpayer pays only for their own TIN.")
    public static let pay002 = ReasonCode("PAY-002", "The taxpayer is not an individual",
        fix: "Payments and payment plans through sord are for individuals (SSN or ITIN); a business pays through EFTPS.")
    public static let pay003 = ReasonCode("PAY-003", "Amount not a positive decimal with two places, or over 9,999,999.99",
        fix: "Write the amount as a string with two decimals, above zero and at most 9999999.99 (e.g. \"1250.00\").")
    public static let pay004 = ReasonCode("PAY-004", "Payment date before today or more than 365 days ahead",
        fix: "Choose a date from today up to 365 days ahead, or leave the date out for a same-day payment.")
    public static let pay005 = ReasonCode("PAY-005", "More than two payments for this taxpayer within 24 hours",
        fix: "Wait until 24 hours have passed since the earlier payments, or combine the amounts into one payment.")
    public static let pay006 = ReasonCode("PAY-006", "Bank account invalid",
        fix: "Give a 9-digit routing number beginning 01-12 or 21-32 with a valid check digit, an account number of 4 to 17 letters, digits or hyphens, and type checking or savings.")
    public static let pay007 = ReasonCode("PAY-007", "This reason cannot be paid for this period",
        fix: "balance-due, installment-agreement, amended-return, proposed-assessment: a Form 1040 year from 20 years ago through this year with an account on file; estimated-tax: this year (in January also last year); extension: last year, from 1 January to 15 April.")
    public static let pay008 = ReasonCode("PAY-008", "Payment unknown, not scheduled, or not one the requester may change",
        fix: "Cancel only a scheduled payment that you made, or one made on your own account, using its payment id.")
    public static let pay009 = ReasonCode("PAY-009", "Too late to cancel: less than two business days before the payment date",
        fix: "A payment can be cancelled until two business days (Monday to Friday) before its date; after that it posts.")

    // MARK: Payment plans
    public static let plan001 = ReasonCode("PLAN-001", "A required return is missing",
        fix: "File the missing Form 1040 returns of the six tax years before this one first; then ask for the plan.")
    public static let plan002 = ReasonCode("PLAN-002", "Too much owed for this plan",
        fix: "A short-term plan needs less than 100,000.00 owed, a long-term plan at most 50,000.00; pay part of the balance first or contact the IRS.")
    public static let plan003 = ReasonCode("PLAN-003", "A long-term plan over 25,000.00 needs direct debit",
        fix: "Add a directDebit bank account to the plan, or pay the balance down to 25,000.00 or less first.")
    public static let plan004 = ReasonCode("PLAN-004", "The plan does not pay the balance in time",
        fix: "Long-term: a monthly payment of at least the amount owed divided by 72, rounded up to the cent; short-term: a payBy date from today to 180 days ahead.")
    public static let plan005 = ReasonCode("PLAN-005", "Due day not 1-28",
        fix: "Choose a due day of the month from 1 to 28.")
    public static let plan006 = ReasonCode("PLAN-006", "Nothing is owed",
        fix: "No Form 1040 period of this taxpayer has a payoff above zero; there is nothing to pay over time.")
    public static let plan007 = ReasonCode("PLAN-007", "Plan unknown, not active, or not one the requester may change",
        fix: "Revise only an active plan that you set up, or one on your own account, using its plan id.")
    public static let plan008 = ReasonCode("PLAN-008", "The taxpayer already has an active plan",
        fix: "Revise the active plan (action \"revise\" with its id) instead of creating a second one.")

    // MARK: Secure messages and PPS
    public static let msg001 = ReasonCode("MSG-001", "Message unknown or not addressed to the requester",
        fix: "Reply only to a message delivered to your own mailbox, using its message id.")
    public static let msg002 = ReasonCode("MSG-002", "Recipient holds no active authorization for that taxpayer, form and period",
        fix: "Write to a practitioner whose linked CAF number holds an active 2848 or 8821 for the taxpayer, form and period, or to the taxpayer's own user.")
    public static let pps001 = ReasonCode("PPS-001", "More than 5 taxpayers in one order",
        fix: "Send the transcripts of at most 5 taxpayers in one PPS order; split the rest into further orders.")
    public static let pps002 = ReasonCode("PPS-002", "More than 30 transcripts for one taxpayer",
        fix: "Order at most 30 transcripts (request x period) for one taxpayer in a PPS order.")
    public static let pps003 = ReasonCode("PPS-003", "Practitioner unknown, not a practitioner, or without a linked CAF number",
        fix: "Name the user id of an active practitioner whose profile has a linked CAF number in good standing.")

    /// Every code, in catalogue order.
    public static let all: [ReasonCode] = [
        sub001, sub002, sub003, sub004, sub005, sub006, sub007, sub008,
        id001, id002, id003, id004, id005,
        auth001, auth002, auth003, auth004, auth005, auth006, auth007, auth008, auth009, auth010,
        auth011, auth012, auth013, auth014, auth015,
        tpa001, tpa002, tpa003, tpa004, tpa005, tpa006, tpa007, tpa008, tpa009, tpa010,
        caf001, caf002, caf003, caf004, wd001, ef001, ef002,
        caf005,
        tds001, tds002, tds003, tds004,
        tds101, tds102, tds103, tds104, tds105, tds106, tds107, tds108, tds109, tds110, tds111, tds112,
        acc001, acc002, acc003, acc004, acc005, acc006,
        pay001, pay002, pay003, pay004, pay005, pay006, pay007, pay008, pay009,
        plan001, plan002, plan003, plan004, plan005, plan006, plan007, plan008,
        msg001, msg002, pps001, pps002, pps003,
    ]
}
