/// The rules of a Tax Pro Account request (SPEC 5.1, TPA-001 … TPA-008), checked besides the
/// common ones of `AuthorizationRules`. The signature rules of an upload do not apply: the taxpayer
/// approves online, and the day of approval is the signature date.
///
/// Year boundaries are inclusive: 2000 and `today.year + 3` are offered, 1999 and `today.year + 4`
/// are not (TPA-004); shared responsibility payment periods start with 2014 (2013 is TPA-003).
public enum TaxProAccountRules {
    /// SUB-005 for the shape only this channel has: exactly one representative and no taxpayer
    /// signature (the taxpayer signs by approving).
    public static func shapeProblems(_ document: AuthorizationDocument) -> [Problem] {
        var problems: [Problem] = []
        if document.representatives.count != 1 {
            problems.append(Problem(.sub005, "A Tax Pro Account request names exactly one representative.", path: "$.representatives"))
        }
        if document.taxpayerSignature != nil {
            problems.append(Problem(.sub005, "A Tax Pro Account request has no taxpayer signature; the taxpayer approves it online.",
                                    path: "$.taxpayerSignature"))
        }
        return problems
    }

    /// TPA-001 … TPA-008 for a request checked on `today`. `submitterOnForm` is false when AUTH-007
    /// was reported: then the taxpayer's online account is not looked at (authorization before
    /// existence).
    public static func problems(_ document: AuthorizationDocument, tin: TIN?, periods: [[TaxPeriod?]],
                                designations: [AuthorizationDesignation?], submitterOnForm: Bool,
                                facts: AuthorizationFacts, today: Day) -> [Problem] {
        var problems: [Problem] = []
        if tin?.isIndividual == false || AuthorizationMatching.recordName(document.taxpayer.name).isBusiness {
            problems.append(Problem(.tpa001, "The Tax Pro Account serves individual taxpayers only.", path: "$.taxpayer"))
        }
        if !isInStatesOrDC(document.taxpayer.address) {
            problems.append(Problem(.tpa002, "The taxpayer's address is outside the 50 states and DC.", path: "$.taxpayer.address"))
        }
        for (index, representative) in document.representatives.enumerated() {
            guard let caf = try? CAFNumber(parsing: representative.caf), let record = facts.representatives[caf.number] else { continue }
            if !isInStatesOrDC(record.address) {
                problems.append(Problem(.tpa002, "The CAF address of \(caf) is outside the 50 states and DC.",
                                        path: "$.representatives[\(index)].caf"))
            }
        }
        problems += matterProblems(document.matters, periods: periods, today: today)
        problems += lineProblems(document)
        if let own = facts.submitterRepresentative, facts.submitterCAF != nil {
            if let masterFileName = facts.submitterMasterFileName {
                let differences = masterFileName.differences(from: own.name)
                if !differences.isEmpty {
                    problems.append(Problem(.tpa006, "Your Master File name does not match your CAF name: \(NameDifference.explanation(of: differences)).",
                                            path: "$.representatives[0]"))
                }
            } else {
                problems.append(Problem(.tpa006, "There is no Master File name under your TIN to compare with your CAF name.",
                                        path: "$.representatives[0]"))
            }
        }
        if document.form == .form2848 {
            for (index, designation) in designations.enumerated() where !(designation?.mayRequestThroughTaxProAccount ?? false) {
                problems.append(Problem(.tpa007, "A POA request needs designation a, b, c, g or r.",
                                        path: "$.representatives[\(index)].designation"))
            }
        }
        // The online account is the active taxpayer user (SPEC 2); judged for a taxpayer on the
        // Master File only, as before (AUTH-001 otherwise).
        if submitterOnForm, facts.entity != nil, facts.taxpayerUser == nil {
            problems.append(Problem(.tpa008, "The taxpayer has no online account to receive the request.", path: "$.taxpayer"))
        }
        return problems
    }

    /// TPA-003 / TPA-004 for every matter and period.
    static func matterProblems(_ matters: [AuthorizationDocument.Matter], periods: [[TaxPeriod?]], today: Day) -> [Problem] {
        var problems: [Problem] = []
        for (index, matter) in matters.enumerated() {
            let base = "$.matters[\(index)]"
            guard let offered = TaxProAccountMatter(description: matter.description, form: matter.form) else {
                problems.append(Problem(.tpa003, "The Tax Pro Account does not offer this matter and form.", path: base))
                continue
            }
            for (position, period) in (periods[index]).enumerated() {
                guard let period else { continue }
                let path = base + ".periods[\(position)]"
                if let first = offered.firstYear, period.year < first {
                    problems.append(Problem(.tpa003, "\(offered.rawValue) is offered from \(first).", path: path))
                }
                if !period.isInTaxProAccountYears(today: today) {
                    problems.append(Problem(.tpa004, "Periods run from \(TaxPeriod.taxProAccountFirstYear) to \(today.year + TaxPeriod.taxProAccountYearsAhead).",
                                            path: path))
                } else if offered.takesQuarters ? !period.isQuarterEnd : !period.isCalendarYear {
                    problems.append(Problem(.tpa004, offered.takesQuarters
                        ? "A civil penalty period ends in March, June, September or December."
                        : "Only calendar years (YYYY) are offered; fiscal periods are not.", path: path))
                }
            }
        }
        return problems
    }

    /// TPA-005: line 4 (specific use), 5a (additional acts), 5b (acts not authorized) and 6 / 8821
    /// line 5 (retention) are not offered.
    static func lineProblems(_ document: AuthorizationDocument) -> [Problem] {
        var problems: [Problem] = []
        if document.specificUse {
            problems.append(Problem(.tpa005, "Line 4 (specific use) is not offered.", path: "$.specificUse"))
        }
        if document.form == .form2848 {
            if document.additionalActs?.isUsed == true {
                problems.append(Problem(.tpa005, "Line 5a (additional acts) is not offered.", path: "$.additionalActs"))
            }
            if !AuthorizationText.isBlank(document.actsNotAuthorized) {
                problems.append(Problem(.tpa005, "Line 5b (acts not authorized) is not offered.", path: "$.actsNotAuthorized"))
            }
        }
        if document.retainPrior {
            problems.append(Problem(.tpa005, "Retaining earlier authorizations (2848 line 6, 8821 line 5) is not offered.",
                                    path: "$.retainPrior"))
        }
        return problems
    }

    /// False only for an address known to be outside the 50 states and DC: abroad, or a US state
    /// code of a territory or military post office. A state code that does not parse is ID-005's.
    static func isInStatesOrDC(_ address: DocumentAddress) -> Bool {
        isInStatesOrDC(country: AuthorizationMatching.isUS(address) ? nil : address.country, state: address.state)
    }

    static func isInStatesOrDC(_ address: RecordAddress) -> Bool {
        isInStatesOrDC(country: address.country, state: address.state)
    }

    private static func isInStatesOrDC(country: String?, state: String) -> Bool {
        guard (country ?? "US").uppercased() == "US" else { return false }
        guard let parsed = try? USState(parsing: state) else { return true }
        return parsed.isStateOrDC
    }
}
