/// Lays the account reports out as text, the way the IRS's own pages read (SPEC 12): the
/// sensitive-data banner, a centred title, labelled fields at a fixed column, amounts
/// right-aligned with thousands separators and two decimals (`1,250.00`, a minus sign for a
/// credit), dates `MM-DD-YYYY` and periods `Dec. 31, 2024` as on transcripts (`TextLines`,
/// `TranscriptTextFormat`). Lines end in `\n`; no line has trailing blanks.
public enum ReportTextRenderer {
    /// The client list.
    public static func render(_ report: ClientListReport) -> String {
        var out = page("Client List", asOf: report.asOf)
        out.field("CAF NUMBER:", report.caf)
        count("ACTIVE AUTHORIZATIONS:", report.authorizations.count, none: "No active authorization names this CAF number.",
              into: &out)
        for entry in report.authorizations {
            out.blank()
            out.field("AUTHORIZATION ID:", entry.id)
            out.field("FORM:", entry.form + " " + entry.formMeaning)
            taxpayer(entry.taxpayer, into: &out)
            out.field("RECORDED ON:", TranscriptTextFormat.date(entry.recordedOn))
            out.field("CHANNEL:", entry.channel.uppercased())
            out.field("RECEIVES NOTICE COPIES:", entry.receiveNotices ? "YES" : "NO")
            matters(entry.matters, into: &out)
        }
        return close(&out)
    }

    /// The list of Tax Pro Account requests sent.
    public static func render(_ report: RequestListReport) -> String {
        var out = page("Tax Pro Account Requests", asOf: report.asOf)
        count("REQUESTS:", report.requests.count, none: "No Tax Pro Account request has been sent.", into: &out)
        for entry in report.requests {
            out.blank()
            out.field("REQUEST ID:", entry.id)
            out.field("FORM:", entry.form)
            taxpayer(entry.taxpayer, into: &out)
            out.field("STATUS:", entry.status.rawValue.uppercased())
            out.field("CREATED:", instant(entry.createdAt))
            if let decided = entry.decidedAt { out.field("DECIDED:", instant(decided)) }
            if let expires = entry.expiresAt { out.field("EXPIRES:", TranscriptTextFormat.date(expires.description)) }
            matters(entry.matters, into: &out)
        }
        return close(&out)
    }

    /// The account summary.
    public static func render(_ report: AccountSummaryReport) -> String {
        var out = page("Account Summary", asOf: report.asOf)
        taxpayer(report.taxpayer, into: &out)
        out.field("FORM NUMBER:", report.form)
        let asOf = report.asOf.description
        for period in report.periods {
            out.blank()
            out.field("TAX PERIOD:", TranscriptTextFormat.periodEnd(period.periodEnd.description))
            out.blank()
            out.add("--- ANY MINUS SIGN SHOWN BELOW SIGNIFIES A CREDIT AMOUNT ---")
            out.blank()
            out.amount("ACCOUNT BALANCE:", period.balance)
            out.amount("ACCRUED INTEREST:", period.accruedInterest, asOf: asOf)
            out.amount("ACCRUED PENALTY:", period.accruedPenalty, asOf: asOf)
            out.amount("PAYOFF AMOUNT:", period.payoff, asOf: asOf)
            payments(period.payments, into: &out)
            scheduled(period.scheduled, into: &out)
            plan(period.plan, into: &out)
            audit(period.audit, into: &out)
        }
        return close(&out)
    }

    // MARK: Blocks

    private static func page(_ title: String, asOf: Day) -> TextLines {
        var out = TextLines(amounts: TranscriptTextFormat.amount)
        out.add(TextLines.banner)
        out.blank()
        out.centred(title)
        out.blank()
        out.field("Response Date:", TranscriptTextFormat.date(asOf.description))
        out.blank()
        return out
    }

    private static func close(_ out: inout TextLines) -> String {
        out.blank()
        out.add(TextLines.banner)
        return out.text
    }

    /// How many entries a list holds, and `none` when it holds none.
    private static func count(_ label: String, _ count: Int, none: String, into out: inout TextLines) {
        out.field(label, String(count))
        if count == 0 {
            out.blank()
            out.add(none)
        }
    }

    private static func taxpayer(_ taxpayer: ReportTaxpayer, into out: inout TextLines) {
        out.field("TAXPAYER IDENTIFICATION NUMBER:", taxpayer.tin)
        if !taxpayer.name.isEmpty { out.field("TAXPAYER:", taxpayer.name) }
        out.field("TAXPAYER TYPE:", taxpayer.kind.rawValue.uppercased())
    }

    /// Column widths of the matters table: description, form; then the periods.
    static let matterColumns = [34, 16]

    private static func matters(_ matters: [Matter], into out: inout TextLines) {
        out.add("MATTERS:")
        for matter in matters {
            out.add("  " + TranscriptTextFormat.left(matter.description + " ", matterColumns[0])
                    + TranscriptTextFormat.left(matter.form + " ", matterColumns[1]) + matter.periods.joined(separator: ", "))
        }
    }

    /// Column widths of the payments table: date, code, explanation; then the amount.
    static let paymentColumns = [12, 6, 44]

    private static func payments(_ list: [AccountSummaryReport.PostedPayment], into out: inout TextLines) {
        out.blank()
        out.add("PAYMENTS (LAST \(PaymentHistory.years) YEARS)")
        guard !list.isEmpty else {
            out.add("No payments posted in the last \(PaymentHistory.years) years.")
            return
        }
        out.row(["DATE", "CODE", "EXPLANATION OF TRANSACTION"], widths: paymentColumns, last: "AMOUNT")
        for payment in list {
            out.row([TranscriptTextFormat.date(payment.date), payment.code, payment.explanation], widths: paymentColumns,
                    amount: payment.amount)
        }
    }

    /// Column widths of the scheduled-payments table: date, confirmation number, reason, status; then the amount.
    static let scheduledColumns = [12, 17, 22, 11]

    private static func scheduled(_ list: [AccountSummaryReport.ScheduledPayment], into out: inout TextLines) {
        guard !list.isEmpty else { return }
        out.blank()
        out.add("SCHEDULED PAYMENTS")
        out.row(["DATE", "CONFIRMATION", "REASON", "STATUS"], widths: scheduledColumns, last: "AMOUNT")
        for payment in list {
            out.row([TranscriptTextFormat.date(payment.date.description), payment.confirmationNumber,
                     payment.reason.rawValue.uppercased(), payment.status.rawValue.uppercased()],
                    widths: scheduledColumns, amount: payment.amount)
        }
    }

    private static func plan(_ plan: AccountSummaryReport.Plan?, into out: inout TextLines) {
        out.blank()
        guard let plan else {
            out.field("PAYMENT PLAN:", "NONE")
            return
        }
        out.field("PAYMENT PLAN:", plan.type.rawValue.uppercased() + ", " + plan.status.rawValue.uppercased())
        out.field("PLAN ID:", plan.id)
        if let monthly = plan.monthlyPayment { out.amount("MONTHLY PAYMENT:", monthly) }
        if let dueDay = plan.dueDay { out.field("DUE DAY OF THE MONTH:", String(dueDay)) }
        if let payBy = plan.payBy { out.field("PAY IN FULL BY:", TranscriptTextFormat.date(payBy.description)) }
        if let debit = plan.directDebit {
            out.field("DIRECT DEBIT:", debit.accountType.rawValue.uppercased() + " " + debit.accountNumber
                      + " (ROUTING " + debit.routingNumber + ")")
        }
        out.field("ESTABLISHED ON:", TranscriptTextFormat.date(plan.establishedOn.description))
        out.amount("USER FEE:", plan.fee)
    }

    private static func audit(_ audit: AuditStatus, into out: inout TextLines) {
        let status: String = switch audit.status {
        case .none: "NONE"
        case .open: "OPEN" + (audit.openedOn.map { " SINCE " + TranscriptTextFormat.date($0.description) } ?? "")
        case .referred: "REFERRED" + (audit.openedOn.map { ", OPENED " + TranscriptTextFormat.date($0.description) } ?? "")
        case .closed: "CLOSED" + (audit.closedOn.map { " ON " + TranscriptTextFormat.date($0.description) } ?? "")
        }
        out.blank()
        out.field("AUDIT STATUS:", status)
        if audit.additionalTax != .zero { out.amount("ADDITIONAL TAX ASSESSED BY EXAMINATION:", audit.additionalTax) }
    }

    /// A `Timestamp.iso` instant as its UTC day, `MM-DD-YYYY`.
    private static func instant(_ text: String) -> String {
        TranscriptTextFormat.date(String(text.prefix(10)))
    }
}
