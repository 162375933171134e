import Testing
@testable import SordCore

@Suite("Payments: bank accounts, business days, reasons, PAY-001…009, confirmation numbers, posting")
struct PaymentRulesTests {
    typealias F = AccountFixtures

    // MARK: Routing numbers (ABA check digit)

    @Test("routing numbers", arguments: [
        ("021000021", nil), ("011000015", nil), ("121000358", nil), ("322271627", nil), ("026009593", nil), ("111000025", nil),
        ("021000022", RoutingNumber.ParseError.checkDigit), ("121000359", .checkDigit), ("322271628", .checkDigit),
        ("131000021", .prefix), ("201000021", .prefix), ("331000021", .prefix), ("001000021", .prefix),
        ("02100002", .malformed), ("0210000211", .malformed), ("02100002A", .malformed), ("", .malformed),
        ("０21000021", .malformed),
    ] as [(String, RoutingNumber.ParseError?)])
    func routing(text: String, error: RoutingNumber.ParseError?) {
        do {
            _ = try RoutingNumber(parsing: text)
            #expect(error == nil, "\(text) passed")
        } catch let caught {
            #expect(caught == error, "\(text)")
        }
    }

    @Test("bank accounts (PAY-006)", arguments: [
        ("021000021", "123456789", "checking", [String]()),
        ("021000021", "1234", "savings", []),
        ("021000021", "12345678901234567", "checking", []),
        ("021000021", "AB-12-cd", "checking", []),
        ("021000021", "123", "checking", ["$.x.accountNumber"]),
        ("021000021", "123456789012345678", "checking", ["$.x.accountNumber"]),
        ("021000021", "1234 5678", "checking", ["$.x.accountNumber"]),
        ("021000021", "12345ñ78", "checking", ["$.x.accountNumber"]),
        ("021000021", "123456789", "Checking", ["$.x.accountType"]),
        ("021000022", "12", "money", ["$.x.routingNumber", "$.x.accountNumber", "$.x.accountType"]),
    ])
    func bankAccounts(routing: String, number: String, type: String, paths: [String]) {
        var problems: [Problem] = []
        let account = BankAccount.parse(BankAccountEntry(routingNumber: routing, accountNumber: number, accountType: type),
                                        path: "$.x", &problems)
        #expect(problems.map(\.path) == paths)
        #expect(problems.allSatisfy { $0.code == "PAY-006" })
        #expect((account == nil) == !paths.isEmpty)
    }

    @Test func accountNumbersShowOnlyTheirLastFour() throws {
        let account = try #require(BankAccount(BankAccountEntry(routingNumber: "021000021", accountNumber: "ab-123456789",
                                                                accountType: "savings")))
        #expect(account.maskedAccountNumber == "XX-XXXXX6789")
        #expect(BankAccountView(account) == BankAccountView(account))
        #expect(BankAccountView(account).accountNumber == "XX-XXXXX6789")
    }

    // MARK: Business days (PAY-009)

    @Test("business days after today through the payment date", arguments: [
        ("2026-11-20", "2026-11-20", 0), ("2026-11-20", "2026-11-19", 0),
        ("2026-11-20", "2026-11-21", 0), ("2026-11-20", "2026-11-22", 0), ("2026-11-20", "2026-11-23", 1),
        ("2026-11-20", "2026-11-24", 2), ("2026-11-21", "2026-11-24", 2), ("2026-11-22", "2026-11-23", 1),
        ("2026-11-18", "2026-11-20", 2), ("2026-11-19", "2026-11-20", 1), ("2026-11-19", "2026-11-23", 2),
        ("2026-11-20", "2026-11-27", 5), ("2026-11-20", "2026-12-31", 29),
    ])
    func businessDays(from: String, to: String, count: Int) {
        #expect(BusinessDays.count(after: F.day(from), through: F.day(to)) == count)
    }

    @Test func businessDaysAgreeWithCountingOneByOne() {
        let start = F.day("2026-01-01")
        for offset in 0..<40 {
            let from = start.adding(days: offset)
            for span in 0..<30 {
                let to = from.adding(days: span)
                let slow = (0..<span).filter { BusinessDays.isBusinessDay(from.adding(days: $0 + 1)) }.count
                #expect(BusinessDays.count(after: from, through: to) == slow)
            }
        }
    }

    // MARK: Reason × period (PAY-007)

    static let reasonCases: [(PaymentReason, String, String, String, Bool)] = [
        (.balanceDue, "1040", "2026", "2026-11-20", true), (.balanceDue, "1040", "2006", "2026-11-20", true),
        (.balanceDue, "1040", "2005", "2026-11-20", false), (.balanceDue, "1040", "2027", "2026-11-20", false),
        (.installmentAgreement, "1040", "2024", "2026-11-20", true), (.amendedReturn, "1040", "2010", "2026-11-20", true),
        (.proposedAssessment, "1040", "2004", "2026-11-20", false),
        (.balanceDue, "1040", "2024-12", "2026-11-20", false), (.balanceDue, "1120", "2024", "2026-11-20", false),
        (.balanceDue, "1040", "all years", "2026-11-20", false),
        (.estimatedTax, "1040", "2026", "2026-11-20", true), (.estimatedTax, "1040", "2025", "2026-11-20", false),
        (.estimatedTax, "1040", "2026", "2026-01-01", true), (.estimatedTax, "1040", "2025", "2026-01-01", true),
        (.estimatedTax, "1040", "2025", "2026-01-31", true), (.estimatedTax, "1040", "2025", "2026-02-01", false),
        (.estimatedTax, "1040", "2027", "2026-12-31", false), (.estimatedTax, "1040", "2024", "2026-01-15", false),
        (.extension, "1040", "2025", "2026-01-01", true), (.extension, "1040", "2025", "2026-04-15", true),
        (.extension, "1040", "2025", "2026-04-16", false), (.extension, "1040", "2025", "2025-12-31", false),
        (.extension, "1040", "2026", "2026-03-01", false), (.extension, "1040", "2024", "2026-03-01", false),
    ]

    @Test("reason × period", arguments: reasonCases)
    func reasons(reason: PaymentReason, form: String, period: String, day: String, allowed: Bool) {
        let refusal = PaymentReasonRules.refusal(reason, form: form, period: try? TaxPeriod(parsing: period), on: F.day(day))
        #expect((refusal == nil) == allowed, "\(reason) \(period) on \(day): \(refusal ?? "allowed")")
    }

    // MARK: payment verdicts

    static let bank = BankAccountEntry(routingNumber: "021000021", accountNumber: "123456789", accountType: "checking")

    static func payment(tin: String = "400-01-2345", nameControl: String = "TEAK", form: String = "1040", period: String = "2024",
                        reason: PaymentReason = .balanceDue, amount: String = "1250.00", date: String? = "2026-12-04",
                        bank: BankAccountEntry = bank) -> Payment {
        Payment(tin: tin, nameControl: nameControl, form: form, period: period, reason: reason, amount: amount, date: date,
                bankAccount: bank)
    }

    static func facts(_ requester: AccountRequester = F.practitioner, entity: EntityRecord? = F.ralph,
                      module: TaxModuleRecord? = F.modules[0], recent: Int = 0) -> PaymentRules.Facts {
        .init(requester: requester, authorizations: F.authorizations, entity: entity, module: module, paymentsLast24Hours: recent)
    }

    static func codes(_ payment: Payment, _ facts: PaymentRules.Facts) -> [String] {
        switch PaymentRules.verdict(payment, facts: facts, today: F.today) {
        case .accepted(let accepted): [accepted.isSameDay ? "same-day" : "scheduled"]
        case .rejected(let problems): problems.map(\.code)
        }
    }

    static let verdictCases: [(String, Payment, PaymentRules.Facts, [String])] = [
        ("scheduled under a 2848", payment(), facts(), ["scheduled"]),
        ("same day without a date", payment(date: nil), facts(), ["same-day"]),
        ("today is same day", payment(date: "2026-11-20"), facts(), ["same-day"]),
        ("an 8821 sees, not pays", payment(period: "2023"), facts(module: F.modules[1]), ["PAY-001"]),
        ("uncovered period", payment(period: "2021"), facts(module: F.modules[3]), ["PAY-001"]),
        ("unauthorized learns nothing without records", payment(period: "2021"), facts(entity: nil, module: nil, recent: 5), ["PAY-001"]),
        ("a business", payment(tin: "12-3456789"), facts(), ["PAY-002"]),
        ("invalid TIN", payment(tin: "666-01-2345"), facts(), ["ID-001"]),
        ("amount without cents", payment(amount: "1250"), facts(), ["PAY-003"]),
        ("amount with one decimal", payment(amount: "1250.5"), facts(), ["PAY-003"]),
        ("amount with a separator", payment(amount: "1,250.00"), facts(), ["PAY-003"]),
        ("zero", payment(amount: "0.00"), facts(), ["PAY-003"]),
        ("negative", payment(amount: "-1.00"), facts(), ["PAY-003"]),
        ("one cent", payment(amount: "0.01"), facts(), ["scheduled"]),
        ("the most", payment(amount: "9999999.99"), facts(), ["scheduled"]),
        ("over the most", payment(amount: "10000000.00"), facts(), ["PAY-003"]),
        ("yesterday", payment(date: "2026-11-19"), facts(), ["PAY-004"]),
        ("365 days ahead", payment(date: "2027-11-20"), facts(), ["scheduled"]),
        ("366 days ahead", payment(date: "2027-11-21"), facts(), ["PAY-004"]),
        ("no such day", payment(date: "2026-02-30"), facts(), ["ID-004"]),
        ("no such day and no such period", payment(period: "24", date: "2026-02-30"), facts(), ["ID-004", "PAY-007"]),
        ("two in 24 hours already", payment(), facts(recent: 2), ["PAY-005"]),
        ("one in 24 hours", payment(), facts(recent: 1), ["scheduled"]),
        ("bad bank account", payment(bank: BankAccountEntry(routingNumber: "021000022", accountNumber: "123456789", accountType: "checking")),
         facts(), ["PAY-006"]),
        ("estimated tax for a past year", payment(reason: .estimatedTax), facts(), ["PAY-007"]),
        ("balance due without a module", payment(period: "2025"), facts(module: nil), ["PAY-007"]),
        ("estimated tax without a module", payment(period: "2026", reason: .estimatedTax), facts(F.taxpayer, module: nil), ["scheduled"]),
        ("name control mismatch", payment(nameControl: "TEAR"), facts(), ["ACC-003"]),
        ("malformed name control", payment(nameControl: "TEAK5"), facts(), ["ACC-003"]),
        ("authorized, no entity", payment(), facts(entity: nil), ["ACC-006"]),
        ("taxpayer pays their own", payment(), facts(F.taxpayer), ["scheduled"]),
        ("taxpayer, someone else's TIN", payment(tin: "400-01-2346"), facts(F.taxpayer), ["PAY-001"]),
        ("every independent rule at once", payment(amount: "12", date: "2026-01-01",
                                                   bank: BankAccountEntry(routingNumber: "1", accountNumber: "1", accountType: "x")),
         facts(recent: 3), ["PAY-003", "PAY-004", "PAY-006", "PAY-006", "PAY-006", "PAY-005"]),
    ]

    @Test("payment verdicts", arguments: verdictCases)
    func verdicts(_ name: String, payment: Payment, facts: PaymentRules.Facts, expected: [String]) {
        #expect(Self.codes(payment, facts) == expected, "\(name)")
    }

    @Test func anAcceptedPaymentBecomesARecordAndPosts() throws {
        guard case .accepted(let accepted) = PaymentRules.verdict(Self.payment(), facts: Self.facts(), today: F.today) else {
            Issue.record("not accepted")
            return
        }
        let record = accepted.record(id: "P-1", confirmationNumber: ConfirmationNumber.make(sequence: 1), requester: "dana.oak")
        #expect(record.status == .scheduled && record.date == F.day("2026-12-04") && record.amount == F.money("1250.00"))
        let posted = PaymentPosting.post(record, to: F.modules[0])
        #expect(posted.balance == F.money("-50.00"))
        #expect(posted.transactions.last == AccountTransaction(code: "670", date: "2026-12-04", cycle: "20264902", amount: F.money("-1250.00")))
        let transcript = TranscriptBuilder.transactions(posted)
        #expect(transcript.last?.explanation == "Payment")
        let receipt = try String(decoding: PayloadJSON.encode(type: "receipt", record.receipt), as: UTF8.self)
        #expect(receipt.contains(#""amount" : "1250.00""#) && receipt.contains(#""date" : "2026-12-04""#))
    }

    @Test func anEstimatedTaxPaymentCreatesTheModule() {
        let record = PaymentRecord(id: "P-2", confirmationNumber: "000000000000001", requester: "ralph.teak", tin: F.ralphTIN,
                                   form: "1040", period: try! TaxPeriod(parsing: "2026"), reason: .estimatedTax,
                                   amount: F.money("500.00"), date: F.today, bankAccount: BankAccount(Self.bank)!, status: .processed)
        let module = PaymentPosting.post(record, to: nil)
        #expect(module.tin == "400-01-2345" && module.form == "1040" && module.period == "2026")
        #expect(module.balance == F.money("-500.00") && module.transactions.map(\.code) == ["430"])
        #expect(TransactionCodes.explanation(module.transactions[0].code) == "Estimated tax payment")
    }

    // MARK: payment-cancel (PAY-008, PAY-009)

    static func scheduled(date: String = "2026-11-27", status: PaymentRecord.Status = .scheduled,
                          requester: String = "dana.oak") -> PaymentRecord {
        PaymentRecord(id: "P-1", confirmationNumber: "123456789012345", requester: requester, tin: F.ralphTIN, form: "1040",
                      period: try! TaxPeriod(parsing: "2024"), reason: .balanceDue, amount: F.money("10.00"),
                      date: F.day(date), bankAccount: BankAccount(bank)!, status: status)
    }

    static let cancelCases: [(String, PaymentRecord?, AccountRequester, [String])] = [
        ("in time", scheduled(), F.practitioner, []),
        ("Tuesday payment, cancelled Friday", scheduled(date: "2026-11-24"), F.practitioner, []),
        ("Monday payment, cancelled Friday", scheduled(date: "2026-11-23"), F.practitioner, ["PAY-009"]),
        ("today's payment", scheduled(date: "2026-11-20"), F.practitioner, ["PAY-009"]),
        ("unknown", nil, F.practitioner, ["PAY-008"]),
        ("already processed", scheduled(status: .processed), F.practitioner, ["PAY-008"]),
        ("already cancelled", scheduled(status: .cancelled), F.practitioner, ["PAY-008"]),
        ("someone else's", scheduled(requester: "lee"), F.practitioner, ["PAY-008"]),
        ("the taxpayer's own account", scheduled(requester: "lee"), F.taxpayer, []),
        ("another taxpayer", scheduled(), .taxpayer(user: "ann", tin: try! TIN(parsing: "400-01-2346")), ["PAY-008"]),
    ]

    @Test("payment-cancel", arguments: cancelCases)
    func cancel(_ name: String, payment: PaymentRecord?, requester: AccountRequester, expected: [String]) {
        #expect(PaymentCancelRules.check(payment: payment, requester: requester, today: F.today).map(\.code) == expected, "\(name)")
    }

    // MARK: Confirmation numbers

    @Test func confirmationNumbersAreFifteenDigitsUniqueAndRepeatable() {
        var seen = Set<String>()
        for sequence in 0..<50_000 {
            let number = ConfirmationNumber.make(sequence: sequence)
            #expect(number.utf8.count == 15 && number.utf8.allSatisfy { $0 >= 48 && $0 <= 57 })
            seen.insert(number)
        }
        #expect(seen.count == 50_000)
        #expect(ConfirmationNumber.make(sequence: 7) == ConfirmationNumber.make(sequence: 7))
        #expect(ConfirmationNumber.make(sequence: 999_999_999_999_999).utf8.count == 15)
        #expect(ConfirmationNumber.make(sequence: 0) != "000000000000000")
    }
}
