/// Lays a transcript out as text, like the IRS's TDS transcripts: the sensitive-data banner, the
/// title, the header (request and response dates, tracking number, customer file number, form,
/// tax period), the taxpayer block, then the product's blocks. Lines end in `\n`; no line has
/// trailing blanks.
public enum TranscriptTextRenderer {
    /// The transcript as text.
    public static func render(_ t: Transcript) -> String {
        var out = TextLines(amounts: TranscriptTextFormat.money)
        out.add(TextLines.banner)
        out.blank()
        out.centred(t.title)
        out.blank()
        out.field("Request Date:", TranscriptTextFormat.date(t.requestDate))
        out.field("Response Date:", TranscriptTextFormat.date(t.responseDate))
        out.field("Tracking Number:", t.trackingNumber)
        if let number = t.customerFileNumber { out.field("Customer File Number:", number) }
        out.blank()
        out.field("FORM NUMBER:", t.form)
        out.field("TAX PERIOD:", t.taxPeriodEnd.isEmpty ? t.taxPeriod : TranscriptTextFormat.periodEnd(t.taxPeriodEnd))
        out.blank()
        taxpayer(t.taxpayer, into: &out)
        switch t.product {
        case .account:
            balance(t.balance, into: &out)
            returnInfo(t.returnInfo, into: &out)
            transactions(t.transactions ?? [], into: &out)
        case .recordOfAccount:
            returnInfo(t.returnInfo, into: &out)
            balance(t.balance, into: &out)
            transactions(t.transactions ?? [], into: &out)
        case .return:
            returnInfo(t.returnInfo, into: &out)
        case .wageAndIncome:
            incomeDocuments(t.incomeDocuments ?? [], into: &out)
        case .verificationOfNonFiling:
            if let nonFiling = t.nonFiling {
                out.blank()
                out.field("AS OF:", TranscriptTextFormat.date(nonFiling.asOf))
                out.blank()
                for line in TextLines.wrap(nonFiling.statement) { out.add(line) }
            }
        case .entity:
            if let entity = t.entity { self.entity(entity, into: &out) }
        }
        out.blank()
        out.add(TextLines.banner)
        return out.text
    }

    static func taxpayer(_ p: Transcript.Taxpayer, into out: inout TextLines) {
        out.field("TAXPAYER IDENTIFICATION NUMBER:", p.tin)
        out.add(p.name)
        out.add(p.street)
        out.add("\(p.city), \(p.state) \(p.zip)")
        if let country = p.country { out.add(country) }
    }

    static func balance(_ b: Transcript.Balance?, into out: inout TextLines) {
        guard let b else { return }
        out.blank()
        out.add("--- ANY MINUS SIGN SHOWN BELOW SIGNIFIES A CREDIT AMOUNT ---")
        out.blank()
        out.amount("ACCOUNT BALANCE:", b.accountBalance)
        out.amount("ACCRUED INTEREST:", b.accruedInterest, asOf: b.asOf)
        out.amount("ACCRUED PENALTY:", b.accruedPenalty, asOf: b.asOf)
        out.blank()
        out.add("ACCOUNT BALANCE PLUS ACCRUALS")
        out.amount("(this is not a payoff amount):", b.balancePlusAccruals)
    }

    static func returnInfo(_ r: ReturnInfo?, into out: inout TextLines) {
        out.blank()
        out.add("** INFORMATION FROM THE RETURN OR AS ADJUSTED **")
        out.blank()
        guard let r else {
            out.add("No tax return filed.")
            return
        }
        if let v = r.filingStatus { out.field("FILING STATUS:", v.uppercased()) }
        if let v = r.exemptions { out.field("EXEMPTIONS:", DigitText.padded(v, width: 2)) }
        if let v = r.agi { out.amount("ADJUSTED GROSS INCOME:", v) }
        if let v = r.taxableIncome { out.amount("TAXABLE INCOME:", v) }
        if let v = r.taxPerReturn { out.amount("TAX PER RETURN:", v) }
        if let v = r.seIncome { out.amount("SE TAXABLE INCOME:", v) }
        if let v = r.seTax { out.amount("SE TAX:", v) }
        if let v = r.dueOn { out.field("RETURN DUE DATE:", TranscriptTextFormat.date(v)) }
        if let v = r.receivedOn { out.field("RETURN RECEIVED DATE:", TranscriptTextFormat.date(v)) }
        if let v = r.processedOn { out.field("PROCESSING DATE:", TranscriptTextFormat.date(v)) }
    }

    /// Column widths of the transactions table: code, explanation, cycle, date; then the amount.
    static let columns = [6, 50, 10, 12]

    static func transactions(_ list: [Transcript.Transaction], into out: inout TextLines) {
        out.blank()
        out.add("TRANSACTIONS")
        out.blank()
        guard !list.isEmpty else {
            out.add("No transactions posted.")
            return
        }
        out.row(["CODE", "EXPLANATION OF TRANSACTION", "CYCLE", "DATE"], widths: columns, last: "AMOUNT")
        for t in list {
            out.row([t.code, t.explanation, t.cycle ?? "", TranscriptTextFormat.date(t.date)], widths: columns,
                    amount: t.amount)
        }
    }

    static func incomeDocuments(_ documents: [Transcript.IncomeDocumentEntry], into out: inout TextLines) {
        guard !documents.isEmpty else {
            out.blank()
            out.add("No wage and income documents are on file for this period.")
            return
        }
        for d in documents {
            let isW2 = d.form.uppercased() == "W-2"
            out.blank()
            out.add("Form " + d.form + " " + d.formTitle)
            out.blank()
            out.add(isW2 ? "Employer:" : "Payer:")
            out.field(isW2 ? "Employer Identification Number (EIN):" : "Payer's Federal Identification Number (FIN):", d.payer.tin)
            out.add(d.payer.name)
            if let street = d.payer.street { out.add(street) }
            if let city = d.payer.city { out.add("\(city), \(d.payer.state ?? "") \(d.payer.zip ?? "")") }
            if let account = d.accountNumber { out.field("Account Number:", account) }
            out.blank()
            for a in d.amounts { out.amount(a.label + ":", a.amount) }
        }
    }

    static func entity(_ e: Transcript.Entity, into out: inout TextLines) {
        out.blank()
        out.field("ENTITY TYPE:", e.kind.uppercased())
        out.blank()
        out.add("TAX MODULES ON FILE")
        out.blank()
        guard !e.filings.isEmpty else {
            out.add("No tax modules on file.")
            return
        }
        out.row(["FORM", "TAX PERIOD"], widths: [12, 14], last: "RETURN FILED")
        for f in e.filings { out.row([f.form, f.taxPeriod], widths: [12, 14], last: f.returnFiled ? "YES" : "NO") }
    }
}
