/// Form 2848 Part II: what entitles a representative to practise (DOMAIN.md). The letter is what a
/// document writes in `designation`.
public enum AuthorizationDesignation: String, Sendable, Hashable, CaseIterable, Codable {
    case attorney = "a"
    case certifiedPublicAccountant = "b"
    case enrolledAgent = "c"
    case officer = "d"
    case fullTimeEmployee = "e"
    case familyMember = "f"
    case enrolledActuary = "g"
    case unenrolledReturnPreparer = "h"
    case studentOrLawGraduate = "k"
    case enrolledRetirementPlanAgent = "r"

    /// The designation a document names; the letter is matched ignoring case and surrounding blanks.
    public init?(letter: String) {
        let trimmed = AuthorizationText.trimmed(letter).lowercased()
        guard let value = AuthorizationDesignation(rawValue: trimmed) else { return nil }
        self = value
    }

    /// a, b, c and g practise under a licensing jurisdiction, which the form must name (AUTH-013).
    public var needsJurisdiction: Bool {
        [.attorney, .certifiedPublicAccountant, .enrolledAgent, .enrolledActuary].contains(self)
    }

    /// h (unenrolled return preparer) must give a PTIN (AUTH-013).
    public var needsPTIN: Bool { self == .unenrolledReturnPreparer }

    /// a, b, c, g and r may send a POA through the Tax Pro Account (TPA-007).
    public var mayRequestThroughTaxProAccount: Bool {
        [.attorney, .certifiedPublicAccountant, .enrolledAgent, .enrolledActuary, .enrolledRetirementPlanAgent].contains(self)
    }
}

/// Small text helpers of the authorization rules.
enum AuthorizationText {
    /// The text without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// True when the text is missing, empty or only white space.
    static func isBlank(_ text: String?) -> Bool {
        text?.allSatisfy(\.isWhitespace) ?? true
    }
}
