/// Which TDS products exist for which taxpayers and forms, and how far back each reaches (SPEC 5.6,
/// TDS-105 and TDS-106; DOMAIN.md "TDS"). Kept in one place so a policy change is one edit.
public enum TDSProducts {
    /// Forms of the individual (IMF) 1040 family: the forms an individual's transcripts are asked for.
    public static let individualForms: Set<String> = ["1040", "1040-SR", "1040-NR"]

    /// Products an individual (SSN or ITIN) may ask for.
    public static let individualProducts: Set<TranscriptProduct> = [
        .account, .recordOfAccount, .return, .wageAndIncome, .verificationOfNonFiling,
    ]

    /// Products a business (EIN) may ask for.
    public static let businessProducts: Set<TranscriptProduct> = [.account, .return, .entity]

    /// Most income documents a wage & income transcript may list (TDS-110).
    public static let maxIncomeDocuments = 85

    /// "This year and N prior" for a product (TDS-105): 3 for return, record of account and
    /// verification of non-filing; 9 for account and wage & income. The entity transcript is not a
    /// period product; the period only names the authorization that covers it, so it gets the
    /// account window.
    public static func yearsBack(_ product: TranscriptProduct) -> Int {
        switch product {
        case .return, .recordOfAccount, .verificationOfNonFiling: 3
        case .account, .wageAndIncome, .entity: 9
        }
    }

    /// Why `product` is not available for this kind of taxpayer and form (TDS-106), or nil when it is.
    ///
    /// An individual's transcripts are asked for under a 1040-family form; a business's under any
    /// other form (1120, 1065, 941 …), never a 1040-family one.
    public static func unavailability(_ product: TranscriptProduct, individual: Bool, form: String) -> String? {
        let kind = individual ? "an individual (SSN or ITIN)" : "a business (EIN)"
        let allowed = individual ? individualProducts : businessProducts
        guard allowed.contains(product) else {
            let names = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            return "The \(product.rawValue) transcript is not available for \(kind); ask for one of: \(names)."
        }
        let familyForm = individualForms.contains(form.uppercased())
        if individual && !familyForm {
            return "Form \(form) is not an individual's form; ask for form 1040 (or 1040-SR, 1040-NR)."
        }
        if !individual && familyForm {
            return "Form \(form) is an individual's form; a business's transcripts are asked for under its own form (1120, 1065, 941 …)."
        }
        return nil
    }
}
