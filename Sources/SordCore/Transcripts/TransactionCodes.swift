/// Explanations of the Master File transaction codes a transcript prints beside each transaction
/// (DOMAIN.md "Transcripts", worded as IRS transcripts word them).
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
        "420": "Examination of tax return",
        "460": "Extension of time to file tax return",
        "480": "Offer in compromise pending",
        "494": "Notice of deficiency issued",
        "520": "Bankruptcy or other legal action filed",
        "530": "Balance due account currently not collectible",
        "570": "Additional account action pending",
        "571": "Resolved additional account action",
        "582": "Lien placed on assets due to balance owed",
        "610": "Payment with return",
        "670": "Payment",
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
    ]

    /// The explanation of `code`; codes outside the list read "Other transaction".
    public static func explanation(_ code: String) -> String {
        explanations[code] ?? "Other transaction"
    }
}
