/// The per-item checks of a TDS request (SPEC 6, TDS-101…108, 110, 112). Each item is judged on its
/// own; every check that does not need a missing record runs, so an ack names every problem.
///
/// Order of knowledge: checks on the item's own values (TIN, name-control shape, period window,
/// product, unmasked, customer file number) always run; TDS-103 runs when the TIN and period are
/// valid; checks against the Master File (TDS-102 mismatch, 104, 110, 112) run only when the
/// requester is authorized (see `TDSAccess`). Mailbox and rate limits are `TDSCapacity`.
public enum TDSItemRules {
    /// The item's TIN, or nil when it is not a valid SSN, ITIN or EIN.
    public static func tin(of item: TranscriptItem) -> TIN? {
        try? TIN(parsing: item.tin)
    }

    /// The item's tax period, or nil when it is not `YYYY` or `YYYY-MM`.
    public static func period(of item: TranscriptItem) -> TaxPeriod? {
        try? TaxPeriod(parsing: item.period)
    }

    /// What to do with one item: deliver its transcript from these records, or reject it.
    public enum Verdict: Sendable, Hashable {
        case deliverable(entity: EntityRecord, records: TDSRecords)
        case rejected([Problem])
    }

    /// The verdict on `item`: deliverable when no check fails (which needs an authorized requester
    /// and a Master File entity), else rejected with every problem found.
    public static func verdict(_ item: TranscriptItem, access: TDSAccess, today: Day) -> Verdict {
        let problems = check(item, access: access, today: today)
        if problems.isEmpty, case .authorized(let records) = access, let entity = records.entity {
            return .deliverable(entity: entity, records: records)
        }
        return .rejected(problems)
    }

    /// Every problem with `item`, given what the authorization look-up found and today's date.
    public static func check(_ item: TranscriptItem, access: TDSAccess, today: Day) -> [Problem] {
        var problems: [Problem] = []
        var tin: TIN?
        do {
            tin = try TIN(parsing: item.tin)
        } catch {
            problems.append(Problem(.tds101, "The TIN is not valid: \(error).", path: item.path(of: .tin)))
        }
        let nameControl = submittedNameControl(item)
        if nameControl == nil {
            problems.append(Problem(.tds102, "The name control must be 1 to 4 characters as the IRS derives it (letters, digits, & or -), e.g. TEAK.",
                                    path: item.path(of: .nameControl)))
        }
        if let problem = periodProblem(item, today: today) { problems.append(problem) }
        var productAvailable = true
        if let tin, let reason = TDSProducts.unavailability(item.product, individual: tin.isIndividual, form: item.form) {
            productAvailable = false
            problems.append(Problem(.tds106, reason, path: item.path(of: .product)))
        }
        if item.unmasked && item.product != .wageAndIncome {
            problems.append(Problem(.tds107, "Unmasked transcripts are available only for wage & income; leave unmasked false.",
                                    path: item.path(of: .unmasked)))
        }
        if let problem = customerFileNumberProblem(item) { problems.append(problem) }

        switch access {
        case .undetermined:
            break
        case .unauthorized:
            problems.append(Problem(.tds103, "No active Form 2848 or 8821 on the CAF names your CAF number for this taxpayer, form \(item.form) and period \(item.period).",
                                    path: item.path))
        case .authorized(let records):
            problems += recordProblems(item, records: records, nameControl: nameControl, productAvailable: productAvailable)
        }
        return problems
    }

    /// The submitted name control, folded, upper-cased and trimmed of padding blanks, or nil when
    /// malformed (see `NameControl(submitted:)`).
    static func submittedNameControl(_ item: TranscriptItem) -> String? {
        (try? NameControl(submitted: item.nameControl))?.value
    }

    /// TDS-105: the period is malformed or outside the product's window.
    static func periodProblem(_ item: TranscriptItem, today: Day) -> Problem? {
        let path = item.path(of: .period)
        guard let period = period(of: item) else {
            return Problem(.tds105, "The period must be YYYY or YYYY-MM (the month the period ends).", path: path)
        }
        let back = TDSProducts.yearsBack(item.product)
        guard period.isWithin(yearsBack: back, of: today) else {
            return Problem(.tds105, "The \(item.product.rawValue) transcript covers \(today.year - back) through \(today.year); period \(period) is outside that window.",
                           path: path)
        }
        return nil
    }

    /// TDS-108: a customer file number is 1 to 10 digits and not a TIN. A nine-digit number that is
    /// a valid SSN, ITIN or EIN is refused: sord cannot tell whether it is someone's TIN, and
    /// a transcript must never carry one unmasked.
    static func customerFileNumberProblem(_ item: TranscriptItem) -> Problem? {
        guard let number = item.customerFileNumber else { return nil }
        let path = item.path(of: .customerFileNumber)
        guard (1...10).contains(number.utf8.count), number.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return Problem(.tds108, "The customer file number must be 1 to 10 digits.", path: path)
        }
        if number.utf8.count == 9 {
            let digits = Array(number)
            let asSSN = String(digits[0..<3]) + "-" + String(digits[3..<5]) + "-" + String(digits[5...])
            let asEIN = String(digits[0..<2]) + "-" + String(digits[2...])
            if (try? TIN(parsing: asSSN)) != nil || (try? TIN(parsing: asEIN)) != nil {
                return Problem(.tds108, "The customer file number must not be a TIN (SSN, ITIN or EIN); use your own reference number.", path: path)
            }
        }
        return nil
    }

    /// The checks against the Master File, for an authorized requester only.
    static func recordProblems(_ item: TranscriptItem, records: TDSRecords, nameControl: String?,
                               productAvailable: Bool) -> [Problem] {
        guard let entity = records.entity else {
            return [Problem(.tds104, "There is no Master File record for this TIN.", path: item.path(of: .tin))]
        }
        var problems: [Problem] = []
        if let nameControl, let onFile = entity.name.nameControl?.value, nameControl != onFile {
            problems.append(Problem(.tds102, "The name control does not match the Master File; check the spelling of the taxpayer's last name (business: first four characters).",
                                    path: item.path(of: .nameControl)))
        }
        guard productAvailable else { return problems }
        let module = records.module
        switch item.product {
        case .account:
            if module == nil {
                problems.append(Problem(.tds104, "There is no Master File module for form \(item.form), period \(item.period).", path: item.path))
            }
        case .return, .recordOfAccount:
            if module?.returnFiled != true {
                problems.append(Problem(.tds104, "There is no return on the Master File for form \(item.form), period \(item.period).", path: item.path))
            }
        case .wageAndIncome:
            let count = records.periodModules.reduce(0) { $0 + $1.incomeDocuments.count }
            if records.periodModules.isEmpty {
                problems.append(Problem(.tds104, "There is no Master File module for period \(item.period).", path: item.path))
            } else if count > TDSProducts.maxIncomeDocuments {
                problems.append(Problem(.tds110, "The year has \(count) wage & income documents; a transcript lists at most \(TDSProducts.maxIncomeDocuments). Ask the IRS for the full record by other means.",
                                        path: item.path))
            }
        case .verificationOfNonFiling:
            if module?.returnFiled == true {
                problems.append(Problem(.tds112, "A Form \(item.form) return was filed for period \(item.period); ask for a return or account transcript instead.",
                                        path: item.path))
            }
        case .entity:
            break
        }
        return problems
    }
}
