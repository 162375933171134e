/// The matters a Tax Pro Account request may name (SPEC 5.1, TPA-003): description and form are
/// compared ignoring case and surrounding blanks.
public enum TaxProAccountMatter: String, Sendable, Hashable, CaseIterable {
    case income = "Income"
    case splitSpousalAssessment = "Split Spousal Assessment"
    case sharedResponsibilityPayment = "Shared Responsibility Payment"
    case sharedResponsibilityPaymentSplitSpousalAssessment = "Shared Responsibility Payment - Split Spousal Assessment"
    case civilPenalty = "Civil Penalty"

    /// The first year of the shared responsibility payment (and its split spousal assessment).
    public static let sharedResponsibilityPaymentFirstYear = 2014

    /// The offered matter with this description and form, or nil (TPA-003).
    public init?(description: String, form: String) {
        let key = AuthorizationText.trimmed(description).lowercased()
        guard let matter = TaxProAccountMatter.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        let formKey = AuthorizationText.trimmed(form).lowercased()
        guard matter.forms.contains(where: { $0.lowercased() == formKey }) else { return nil }
        self = matter
    }

    /// The forms this matter may name.
    public var forms: [String] {
        switch self {
        case .income, .sharedResponsibilityPayment, .sharedResponsibilityPaymentSplitSpousalAssessment: ["1040"]
        case .splitSpousalAssessment: ["1040", "8857"]
        case .civilPenalty: ["Civil Penalty"]
        }
    }

    /// The first year offered for this matter, beyond the Tax Pro Account's general range.
    public var firstYear: Int? {
        switch self {
        case .sharedResponsibilityPayment, .sharedResponsibilityPaymentSplitSpousalAssessment: Self.sharedResponsibilityPaymentFirstYear
        default: nil
        }
    }

    /// Civil penalty periods are quarters (ending March, June, September or December); every other
    /// matter takes calendar years only.
    public var takesQuarters: Bool { self == .civilPenalty }
}
