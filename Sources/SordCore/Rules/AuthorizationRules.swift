/// The rules for a Form 2848 or 8821 (SPEC 5.1 and 6) on both channels: identifiers, the submitter,
/// the Master File and CAF matches, periods, designations and fields of the other form, then the
/// channel's own rules (`AuthorizationUploadRules`, `TaxProAccountRules`).
///
/// Every independent check runs, so the verdict lists every rule the form breaks. A check that
/// needs a record that is missing is skipped (the missing record is already reported). Authorization
/// comes before existence: when the submitter is not a representative on the form (AUTH-007), the
/// Master File and CAF are not consulted at all, so the ack does not tell whether the taxpayer's or
/// anyone's records exist.
public enum AuthorizationRules {
    /// Decides a form received on `day` (the submission's UTC day; for the Tax Pro Account also
    /// "this year").
    public static func evaluate(_ document: AuthorizationDocument, facts: AuthorizationFacts, on day: Day) -> AuthorizationVerdict {
        var problems: [Problem] = []

        // Identifiers (ID-001 … ID-005).
        let tin = SubmittedFields.tin(document.taxpayer.tin, path: "$.taxpayer.tin", &problems)
        SubmittedFields.checkStateAndZIP(document.taxpayer.address, path: "$.taxpayer.address", &problems)
        var references: [CAFReference?] = []
        var ptins: [PTIN?] = []
        for (index, representative) in document.representatives.enumerated() {
            let base = "$.representatives[\(index)]"
            references.append(parseCAF(representative.caf, path: base + ".caf", &problems))
            ptins.append(parsePTIN(representative.ptin, path: base + ".ptin", &problems))
            SubmittedFields.checkStateAndZIP(representative.address, path: base + ".address", &problems)
        }
        if document.channel == .taxProAccount {
            problems += TaxProAccountRules.shapeProblems(document)
        }

        // The submitter first (AUTH-007); records only for a submitter on the form.
        let submitterIndex = submitterIndex(document, references: references, ptins: ptins, facts: facts)
        if submitterIndex == nil {
            problems.append(Problem(.auth007, document.channel == .upload
                ? "You are not one of the form's representatives: none has your linked CAF number, and no representative with CAF \"None\" has your PTIN."
                : "A Tax Pro Account request names exactly one representative: you, by your linked CAF number.",
                path: "$.representatives"))
        } else {
            if let tin { problems += masterFileProblems(document.taxpayer, tin: tin, entity: facts.entity) }
            problems += cafProblems(document.representatives, references: references, facts: facts)
        }

        // Periods (AUTH-008), designations (AUTH-013) or 2848-only fields (AUTH-015).
        let periods = parsePeriods(document.matters, &problems)
        var designations: [AuthorizationDesignation?] = Array(repeating: nil, count: document.representatives.count)
        switch document.form {
        case .form2848:
            designations = document.representatives.map { $0.designation.flatMap(AuthorizationDesignation.init(letter:)) }
            problems += designationProblems(document.representatives, designations: designations)
        case .form8821:
            problems += document.form2848OnlyFieldPaths.map {
                Problem(.auth015, "A Form 8821 has no such field; it belongs to Form 2848.", path: $0)
            }
        }

        // The channel's own rules.
        switch document.channel {
        case .upload:
            problems += AuthorizationUploadRules.problems(document, periods: periods, received: day)
        case .taxProAccount:
            problems += TaxProAccountRules.problems(document, tin: tin, periods: periods, designations: designations,
                                                    submitterOnForm: submitterIndex != nil, facts: facts, today: day)
        }

        guard problems.isEmpty, let tin, let submitterIndex else {
            return .rejected(problems)
        }
        let representatives = document.representatives.indices.compactMap { index -> ValidAuthorization.Representative? in
            let representative = document.representatives[index]
            guard let caf = references[index] else { return nil }
            return ValidAuthorization.Representative(
                caf: caf, name: AuthorizationMatching.recordName(representative.name),
                address: AuthorizationMatching.recordAddress(representative.address), ptin: ptins[index],
                receiveNotices: representative.receiveNotices, designation: designations[index])
        }
        let matters = zip(document.matters, periods).map { matter, periods in
            Matter(description: matter.description, form: matter.form, periods: periods.compactMap { $0?.description })
        }
        return .valid(ValidAuthorization(
            form: document.form == .form2848 ? .poa2848 : .tia8821, channel: document.channel, tin: tin,
            representatives: representatives, matters: matters, submitterIndex: submitterIndex,
            recordsOnCAF: !document.specificUse, revokesPrior: !document.retainPrior))
    }

    // MARK: Identifiers

    static func parseCAF(_ text: String, path: String, _ problems: inout [Problem]) -> CAFReference? {
        do {
            return try CAFReference(parsing: text)
        } catch {
            problems.append(Problem(.id002, "The CAF number is not valid: \(error), or \"None\".", path: path))
            return nil
        }
    }

    static func parsePTIN(_ text: String?, path: String, _ problems: inout [Problem]) -> PTIN? {
        guard let text else { return nil }
        do {
            return try PTIN(parsing: text)
        } catch {
            problems.append(Problem(.id003, "The PTIN is not valid: \(error).", path: path))
            return nil
        }
    }

    // MARK: Submitter

    /// The first representative who is the submitter: by linked CAF number, or (upload only) a
    /// representative with CAF "None" whose PTIN is the submitter's.
    static func submitterIndex(_ document: AuthorizationDocument, references: [CAFReference?], ptins: [PTIN?],
                               facts: AuthorizationFacts) -> Int? {
        if document.channel == .taxProAccount, document.representatives.count != 1 { return nil }
        return references.indices.first { index in
            switch references[index] {
            case .number(let caf)?: return caf.number == facts.submitterCAF?.number
            case .none?: return document.channel == .upload && ptins[index] != nil && ptins[index] == facts.submitterPTIN
            case nil: return false
            }
        }
    }

    // MARK: Master File and CAF

    /// AUTH-001 … AUTH-003.
    static func masterFileProblems(_ taxpayer: AuthorizationDocument.Taxpayer, tin: TIN, entity: EntityRecord?) -> [Problem] {
        guard let entity else {
            return [Problem(.auth001, "The taxpayer's TIN is not on the Master File.", path: "$.taxpayer.tin")]
        }
        var problems: [Problem] = []
        if let difference = AuthorizationMatching.nameControlDifference(taxpayer.name, entity.name) {
            problems.append(Problem(.auth002, "The taxpayer's name does not give the name control on the Master File: \(difference).",
                                    path: "$.taxpayer.name"))
        }
        if !AuthorizationMatching.addressMatches(taxpayer.address, entity.address) {
            problems.append(Problem(.auth003, "The taxpayer's address (street and ZIP) does not match the Master File.",
                                    path: "$.taxpayer.address"))
        }
        return problems
    }

    /// AUTH-004 … AUTH-006 for every representative with a CAF number.
    static func cafProblems(_ representatives: [AuthorizationDocument.Representative], references: [CAFReference?],
                            facts: AuthorizationFacts) -> [Problem] {
        var problems: [Problem] = []
        for (index, representative) in representatives.enumerated() {
            guard case .number(let caf)? = references[index] else { continue }
            let base = "$.representatives[\(index)]"
            guard let record = facts.representatives[caf.number] else {
                problems.append(Problem(.auth004, "CAF number \(caf) is not on the CAF.", path: base + ".caf"))
                continue
            }
            let differences = AuthorizationMatching.nameDifferences(representative.name, record.name)
            if !differences.isEmpty {
                problems.append(Problem(.auth005, "The name does not match the CAF record of \(caf): \(NameDifference.explanation(of: differences)).",
                                        path: base + ".name"))
            }
            if !AuthorizationMatching.addressMatches(representative.address, record.address) {
                problems.append(Problem(.auth005, "The address (street and ZIP) does not match the CAF record of \(caf).",
                                        path: base + ".address"))
            }
            if !record.inGoodStanding {
                problems.append(Problem(.auth006, "CAF number \(caf) is not in good standing (practice code \(record.practiceCode)).",
                                        path: base + ".caf"))
            }
        }
        return problems
    }

    // MARK: Periods and designations

    /// AUTH-008 for a matter without periods and for every period that is malformed or nonspecific;
    /// the parsed periods (nil where a problem was found), matter by matter.
    static func parsePeriods(_ matters: [AuthorizationDocument.Matter], _ problems: inout [Problem]) -> [[TaxPeriod?]] {
        matters.enumerated().map { index, matter in
            let base = "$.matters[\(index)].periods"
            if matter.periods.isEmpty {
                problems.append(Problem(.auth008, "The matter lists no period.", path: base))
            }
            return matter.periods.enumerated().map { position, text in
                do {
                    return try TaxPeriod(parsing: text)
                } catch {
                    problems.append(Problem(.auth008, "The period is not valid: \(error).", path: base + "[\(position)]"))
                }
                return nil
            }
        }
    }

    /// AUTH-013 for each 2848 representative.
    static func designationProblems(_ representatives: [AuthorizationDocument.Representative],
                                    designations: [AuthorizationDesignation?]) -> [Problem] {
        var problems: [Problem] = []
        for (index, representative) in representatives.enumerated() {
            let base = "$.representatives[\(index)]"
            guard let designation = designations[index] else {
                problems.append(Problem(.auth013, representative.designation == nil
                    ? "The designation is missing."
                    : "The designation is not one of a, b, c, d, e, f, g, h, k, r.", path: base + ".designation"))
                continue
            }
            if designation.needsJurisdiction, AuthorizationText.isBlank(representative.jurisdiction) {
                problems.append(Problem(.auth013, "Designation \(designation.rawValue) needs the licensing jurisdiction.",
                                        path: base + ".jurisdiction"))
            }
            if designation.needsPTIN, representative.ptin == nil {
                problems.append(Problem(.auth013, "Designation h (unenrolled return preparer) needs a PTIN.", path: base + ".ptin"))
            }
        }
        return problems
    }
}
