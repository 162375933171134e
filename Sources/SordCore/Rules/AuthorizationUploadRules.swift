/// The rules only a signed, uploaded form must pass (Submit Forms 2848 and 8821 Online): future
/// periods (AUTH-009), signatures and their day limits (AUTH-010 … AUTH-012) and the notice-copy
/// limit (AUTH-014).
///
/// Day counts are whole calendar days between two dates (`Day.days(until:)`), the later day minus
/// the earlier; "within N days" includes day N:
/// - AUTH-011: received 120 days after the taxpayer signed is accepted, 121 days is not.
/// - AUTH-012: a representative signing on the taxpayer's day or up to 45 days after is accepted;
///   46 days after, or any day before the taxpayer, is not.
/// - AUTH-009: a period may end on the received day plus 3 years (same month and day; a form
///   received on 29 February counts to 28 February); a period ending one day later may not.
/// - A signature dated after the day the form was received is an impossible date (ID-004).
public enum AuthorizationUploadRules {
    /// Days after the taxpayer signs within which the form must be received (AUTH-011).
    public static let maxDaysFromTaxpayerSignature = 120
    /// Days after the taxpayer signs within which each 2848 representative signs (AUTH-012).
    public static let maxDaysFromTaxpayerToRepresentative = 45
    /// How many representatives may receive notice copies (AUTH-014).
    public static let maxNoticeRecipients = 2

    /// The problems of an uploaded form received on `received`; `periods` are the parsed periods
    /// of each matter (nil where AUTH-008 was already reported).
    public static func problems(_ document: AuthorizationDocument, periods: [[TaxPeriod?]], received: Day) -> [Problem] {
        var problems: [Problem] = []
        for (index, matterPeriods) in periods.enumerated() {
            for (position, period) in matterPeriods.enumerated() {
                guard let period, !period.ends(after: received) else { continue }
                problems.append(Problem(.auth009, "Period \(period) ends more than \(TaxPeriod.maxYearsAfterReceipt) years after the form was received (\(received)).",
                                        path: "$.matters[\(index)].periods[\(position)]"))
            }
        }
        let taxpayerDay = taxpayerSignatureProblems(document.taxpayerSignature, received: received, &problems)
        if document.form == .form2848 {
            for (index, representative) in document.representatives.enumerated() {
                problems += representativeSignatureProblems(representative.signedOn, path: "$.representatives[\(index)].signedOn",
                                                            taxpayerDay: taxpayerDay, received: received)
            }
        }
        let noticeRecipients = document.representatives.filter(\.receiveNotices).count
        if noticeRecipients > maxNoticeRecipients {
            problems.append(Problem(.auth014, "\(noticeRecipients) representatives ask for notice copies; at most \(maxNoticeRecipients) may.",
                                    path: "$.representatives"))
        }
        return problems
    }

    /// AUTH-010 / AUTH-011 (and ID-004); the taxpayer's signature day when it is usable.
    static func taxpayerSignatureProblems(_ signature: AuthorizationDocument.TaxpayerSignature?, received: Day,
                                          _ problems: inout [Problem]) -> Day? {
        let path = "$.taxpayerSignature"
        guard let signature else {
            problems.append(Problem(.auth010, "The form has no taxpayer signature.", path: path))
            return nil
        }
        if AuthorizationText.isBlank(signature.name) {
            problems.append(Problem(.auth010, "The taxpayer's signature is missing.", path: path + ".name"))
        }
        guard let text = signature.signedOn, !AuthorizationText.isBlank(text) else {
            problems.append(Problem(.auth010, "The taxpayer's signature date is missing.", path: path + ".signedOn"))
            return nil
        }
        guard let day = SubmittedFields.day(text, path: path + ".signedOn", &problems) else { return nil }
        let elapsed = day.days(until: received)
        if elapsed < 0 {
            problems.append(Problem(.id004, "The taxpayer's signature is dated after the form was received (\(received)).",
                                    path: path + ".signedOn"))
            return nil
        }
        if elapsed > maxDaysFromTaxpayerSignature {
            problems.append(Problem(.auth011, "The form was received \(elapsed) days after the taxpayer signed; the limit is \(maxDaysFromTaxpayerSignature).",
                                    path: path + ".signedOn"))
        }
        return day
    }

    /// AUTH-012 (and ID-004) for one 2848 representative's signature date.
    static func representativeSignatureProblems(_ text: String?, path: String, taxpayerDay: Day?, received: Day) -> [Problem] {
        guard let text, !AuthorizationText.isBlank(text) else {
            return [Problem(.auth012, "The representative's signature date is missing.", path: path)]
        }
        var problems: [Problem] = []
        guard let day = SubmittedFields.day(text, path: path, &problems) else { return problems }
        if day > received {
            return [Problem(.id004, "The representative's signature is dated after the form was received (\(received)).", path: path)]
        }
        guard let taxpayerDay else { return problems }
        let elapsed = taxpayerDay.days(until: day)
        if elapsed < 0 {
            problems.append(Problem(.auth012, "The representative signed before the taxpayer (\(taxpayerDay)).", path: path))
        } else if elapsed > maxDaysFromTaxpayerToRepresentative {
            problems.append(Problem(.auth012, "The representative signed \(elapsed) days after the taxpayer; the limit is \(maxDaysFromTaxpayerToRepresentative).",
                                    path: path))
        }
        return problems
    }
}
