/// Explanations of the Master File transaction codes a transcript prints beside each transaction
/// (DOMAIN.md "Transcripts" and "The account", worded as IRS transcripts word them), and the codes
/// the account side reads: payments, examination, miscellaneous actions.
public enum TransactionCodes {
    /// Every code with its explanation.
    public static let explanations: [String: String] = [
        "150": "Tax return filed",
        "166": "Penalty for filing tax return after the due date",
        "176": "Penalty for not pre-paying tax (estimated tax)",
        "276": "Penalty for late payment of tax",
        "290": "Additional tax assessed",
        "291": "Abatement of prior tax assessment",
        "300": "Additional tax assessed by examination",
        "360": "Fees and collection costs",
        "420": "Examination of tax return",
        "421": "Closed examination of tax return",
        "424": "Examination request indicator",
        "430": "Estimated tax payment",
        "460": "Extension of time to file tax return",
        "480": "Offer in compromise pending",
        "494": "Notice of deficiency issued",
        "520": "Bankruptcy or other legal action filed",
        "530": "Balance due account currently not collectible",
        "570": "Additional account action pending",
        "571": "Resolved additional account action",
        "582": "Lien placed on assets due to balance owed",
        "610": "Payment with return",
        "640": "Advance payment of tax owed",
        "660": "Estimated tax payment",
        "670": "Payment",
        "680": "Designated payment of interest",
        "690": "Designated payment of penalty",
        "694": "Designated payment of fees and collection costs",
        "766": "Credit to your account",
        "767": "Reduced or removed credit to your account",
        "768": "Earned income credit",
        "776": "Interest credited to your account",
        "806": "Credit for withheld taxes",
        "810": "Refund freeze",
        "811": "Removed refund freeze",
        "820": "Credit transferred out to another account",
        "836": "Overpayment credit transferred to next year",
        "840": "Manual refund issued",
        "846": "Refund issued",
        "898": "Overpayment applied to non-IRS debt",
        "971": "Miscellaneous transaction",
        "972": "Reversal of miscellaneous transaction",
    ]

    /// Payments the taxpayer made (TC 430, 610, 640, 660, 670 and the designated payments 680,
    /// 690, 694): what an account summary lists under `payments` (SPEC 12.3).
    public static let payments: Set<String> = ["430", "610", "640", "660", "670", "680", "690", "694"]

    /// TC 420: an examination (audit) of the return is opened (SPEC 12.3 `audit`).
    public static let examinationOpened = "420"
    /// TC 424: the examination is requested or referred.
    public static let examinationReferred = "424"
    /// TC 421: the examination is closed.
    public static let examinationClosed = "421"
    /// TC 300: additional tax assessed by examination.
    public static let examinationAssessment = "300"
    /// TC 670: a payment made through sord (SPEC 12.4) or a direct debit of a plan (SPEC 12.5).
    public static let payment = "670"
    /// TC 430: a payment of estimated tax made through sord (SPEC 12.4).
    public static let estimatedTaxPayment = "430"
    /// TC 360: the user fee of a payment plan (SPEC 12.5).
    public static let userFee = "360"
    /// TC 971: a miscellaneous action, told apart by its action code.
    public static let miscellaneousAction = "971"
    /// TC 972: the reversal of a TC 971.
    public static let miscellaneousActionReversed = "972"

    /// The action codes of TC 971 / 972 that sord writes or reads (DOMAIN.md "The account").
    /// `063` and `043` are the IRS's own; the IRS records no TC 971 for a short-term plan, so
    /// `sord` marks one with `069`, kept here so it can be changed in one place.
    public enum ActionCode: String, Sendable, Hashable, CaseIterable {
        case installmentAgreementPending = "043"
        case installmentAgreementEstablished = "063"
        case shortTermPaymentPlanEstablished = "069"
        case installmentAgreementTerminated = "163"

        /// How a transcript explains a TC 971 with this action code.
        public var explanation: String {
            switch self {
            case .installmentAgreementPending: "Pending installment agreement"
            case .installmentAgreementEstablished: "Installment agreement established"
            case .shortTermPaymentPlanEstablished: "Short-term payment plan established"
            case .installmentAgreementTerminated: "Installment agreement terminated"
            }
        }
    }

    /// The explanation of `code`; a TC 971 with a known action code is explained by its action,
    /// a TC 972 as the reversal of it. Codes outside the list read "Other transaction".
    public static func explanation(_ code: String, actionCode: String? = nil) -> String {
        if let action = actionCode.flatMap(ActionCode.init(rawValue:)) {
            if code == miscellaneousAction { return action.explanation }
            if code == miscellaneousActionReversed { return "Reversed: " + action.explanation.lowercased() }
        }
        return explanations[code] ?? "Other transaction"
    }
}
