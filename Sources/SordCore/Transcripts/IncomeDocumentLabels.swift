/// Titles of wage & income forms and labels of their amounts, as a transcript prints them.
public enum IncomeDocumentLabels {
    /// Form → title ("W-2" → "Wage and Tax Statement").
    public static let formTitles: [String: String] = [
        "W-2": "Wage and Tax Statement",
        "W-2G": "Certain Gambling Winnings",
        "1098": "Mortgage Interest Statement",
        "1098-E": "Student Loan Interest Statement",
        "1098-T": "Tuition Statement",
        "1099-B": "Proceeds From Broker and Barter Exchange Transactions",
        "1099-DIV": "Dividends and Distributions",
        "1099-G": "Certain Government Payments",
        "1099-INT": "Interest Income",
        "1099-K": "Payment Card and Third Party Network Transactions",
        "1099-MISC": "Miscellaneous Information",
        "1099-NEC": "Nonemployee Compensation",
        "1099-R": "Distributions From Pensions, Annuities, Retirement Plans, IRAs, Insurance Contracts",
        "SSA-1099": "Social Security Benefit Statement",
        "1095-A": "Health Insurance Marketplace Statement",
    ]

    /// Box names with their labels, in the order the boxes appear on the forms.
    public static let amountLabels: [(box: String, label: String)] = [
        ("wages", "Wages, Tips and Other Compensation"),
        ("federalWithholding", "Federal Income Tax Withheld"),
        ("socialSecurityWages", "Social Security Wages"),
        ("socialSecurityWithholding", "Social Security Tax Withheld"),
        ("medicareWages", "Medicare Wages and Tips"),
        ("medicareWithholding", "Medicare Tax Withheld"),
        ("interest", "Interest"),
        ("ordinaryDividends", "Total Ordinary Dividends"),
        ("qualifiedDividends", "Qualified Dividends"),
        ("nonemployeeCompensation", "Nonemployee Compensation"),
        ("grossDistribution", "Gross Distribution"),
        ("taxableAmount", "Taxable Amount"),
        ("unemploymentCompensation", "Unemployment Compensation"),
        ("mortgageInterest", "Mortgage Interest Received"),
    ]

    /// Box names in print order: the known ones in form order, then the others alphabetically.
    public static func ordered(_ boxes: some Sequence<String>) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: amountLabels.enumerated().map { ($0.element.box, $0.offset) })
        return boxes.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
    }

    /// The title of `form`, or empty when it is not in the list.
    public static func title(ofForm form: String) -> String {
        formTitles[form.uppercased()] ?? ""
    }

    /// The label of a box name; unknown names are spelled out from their camel case
    /// (`stateWithholding` → "State Withholding").
    public static func label(ofBox box: String) -> String {
        if let known = amountLabels.first(where: { $0.box == box }) { return known.label }
        var words: [String] = []
        for character in box {
            if character.isUppercase || words.isEmpty {
                words.append(String(character).uppercased())
            } else {
                words[words.count - 1].append(character)
            }
        }
        return words.joined(separator: " ")
    }
}
