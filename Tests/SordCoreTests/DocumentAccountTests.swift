import Testing
@testable import SordCore

/// The SPEC 12 documents, verbatim, and their strict schemas.
@Suite("Account documents: SPEC 12 examples and their schemas")
struct DocumentAccountTests {
    static let accountSummary = """
    {"type":"account-summary","tin":"400-01-2345","nameControl":"TEAK","form":"1040",
     "periods":["2024","2023"],"format":"json"}
    """
    static let payment = """
    {"type":"payment","tin":"400-01-2345","nameControl":"TEAK","form":"1040","period":"2024",
     "reason":"balance-due","amount":"1250.00","date":"2026-12-04",
     "bankAccount":{"routingNumber":"021000021","accountNumber":"123456789","accountType":"checking"}}
    """
    static let paymentPlan = """
    {"type":"payment-plan","action":"create","tin":"400-01-2345","nameControl":"TEAK",
     "plan":"long-term","monthlyPayment":"300.00","dueDay":15,
     "directDebit":{"routingNumber":"021000021","accountNumber":"123456789","accountType":"checking"}}
    """
    static let cafRequest = #"{"type":"caf-request","address":{"street":"9 Elm Ave","city":"Portland","state":"OR","zip":"97201"}}"#
    static let secureMessage = #"{"type":"secure-message","to":"dana.oak","tin":"400-01-2345","form":"1040","period":"2024","subject":"Your 2024 return","body":"Please send the Schedule C receipts."}"#
    static let ppsOrder = """
    {"type":"pps-order","practitioner":"dana.oak","requests":[
      {"tin":"400-01-2345","nameControl":"TEAK","product":"account","form":"1040","periods":["2024","2023"]}]}
    """

    static let bank = BankAccountEntry(routingNumber: "021000021", accountNumber: "123456789", accountType: "checking")

    static func document(_ text: String) -> Document? {
        DocumentFixtures.document(DocumentFixtures.parse(text))
    }

    @Test func specExamplesDecodeToTheirModels() throws {
        #expect(Self.document(Self.accountSummary) == .accountSummary(AccountSummary(
            tin: "400-01-2345", nameControl: "TEAK", form: "1040", periods: ["2024", "2023"], format: .json)))
        #expect(Self.document(Self.payment) == .payment(Payment(
            tin: "400-01-2345", nameControl: "TEAK", form: "1040", period: "2024", reason: .balanceDue, amount: "1250.00",
            date: "2026-12-04", bankAccount: Self.bank)))
        #expect(Self.document(Self.paymentPlan) == .paymentPlan(PaymentPlan(action: .create(.init(
            tin: "400-01-2345", nameControl: "TEAK", kind: .longTerm,
            terms: .init(monthlyPayment: "300.00", dueDay: 15, directDebit: Self.bank))))))
        #expect(Self.document(Self.cafRequest) == .cafRequest(CAFRequest(
            address: DocumentAddress(street: "9 Elm Ave", city: "Portland", state: "OR", zip: "97201"))))
        #expect(Self.document(Self.secureMessage) == .secureMessage(SecureMessage(
            to: "dana.oak", tin: "400-01-2345", form: "1040", period: "2024", subject: "Your 2024 return",
            body: "Please send the Schedule C receipts.")))
        #expect(Self.document(#"{"type":"client-list","format":"json"}"#) == .clientList(AccountList(format: .json)))
        #expect(Self.document(#"{"type":"request-list"}"#) == .requestList(AccountList(format: .json)))
        #expect(Self.document(#"{"type":"request-list","format":"text","clientRef":"r1"}"#)
                == .requestList(AccountList(clientRef: "r1", format: .text)))
        #expect(Self.document(#"{"type":"payment-cancel","payment":"P-1"}"#) == .paymentCancel(PaymentCancel(payment: "P-1")))
        #expect(Self.document(#"{"type":"message-reply","message":"M-1","body":"Sent."}"#)
                == .messageReply(MessageReply(message: "M-1", body: "Sent.")))
    }

    @Test func everyNewTypeHasItsKindAndEchoesItsClientRef() throws {
        let texts: [(String, DocumentType)] = [
            (Self.accountSummary, .accountSummary), (Self.payment, .payment), (Self.paymentPlan, .paymentPlan),
            (Self.cafRequest, .cafRequest), (Self.secureMessage, .secureMessage), (Self.ppsOrder, .ppsOrder),
            (#"{"type":"client-list"}"#, .clientList), (#"{"type":"request-list"}"#, .requestList),
            (#"{"type":"payment-cancel","payment":"P"}"#, .paymentCancel),
            (#"{"type":"message-reply","message":"M","body":"b"}"#, .messageReply),
        ]
        for (text, kind) in texts {
            let tagged = text.replacingOccurrences(of: #""type":"#, with: #""clientRef":"ref-7","type":"#)
            let document = try #require(Self.document(tagged), "\(kind)")
            #expect(document.kind == kind)
            #expect(document.clientRef == "ref-7")
        }
    }

    @Test func aPPSOrderTakesTheLinesOfATranscriptRequest() throws {
        guard case .ppsOrder(let order) = Self.document(Self.ppsOrder) else {
            Issue.record("not a pps-order")
            return
        }
        #expect(order.practitioner == "dana.oak")
        #expect(order.transcripts.items.map(\.path) == ["$.requests[0].periods[0]", "$.requests[0].periods[1]"])
        #expect(order.transcripts.items.map(\.format) == [.text, .text])
        let request = try #require(Self.document(DocumentFixtures.transcriptRequest))
        guard case .transcriptRequest(let tds) = request else { return }
        #expect(order.transcripts.requests.first?.product == tds.requests.first?.product)
    }

    @Test func aRevisionNamesThePlanAndItsChanges() {
        let text = #"{"type":"payment-plan","action":"revise","plan":"PL-1","planType":"short-term","payBy":"2027-03-01"}"#
        #expect(Self.document(text) == .paymentPlan(PaymentPlan(action: .revise(.init(
            plan: "PL-1", kind: .shortTerm, terms: .init(payBy: "2027-03-01"))))))
        let debit = #"{"type":"payment-plan","action":"revise","plan":"PL-1","dueDay":3}"#
        #expect(Self.document(debit) == .paymentPlan(PaymentPlan(action: .revise(.init(plan: "PL-1", terms: .init(dueDay: 3))))))
    }

    static let longBody = String(repeating: "é", count: 10_001)

    static let schemaCases: [(String, [String])] = [
        // Unknown fields and wrong shapes.
        (#"{"type":"client-list","format":"pdf"}"#, ["SUB-005 $.format"]),
        (#"{"type":"client-list","caf":"0312-34567"}"#, ["SUB-005 $.caf"]),
        (#"{"type":"caf-request"}"#, ["SUB-005 $.address"]),
        (#"{"type":"caf-request","address":{"street":"1 A St","city":"B","state":"OR"}}"#, ["SUB-005 $.address.zip"]),
        (#"{"type":"account-summary","tin":"400-01-2345","nameControl":"TEAK","form":"1040","periods":[]}"#, ["SUB-005 $.periods"]),
        (#"{"type":"account-summary","tin":"400-01-2345","form":"1040","periods":["2024"],"period":"2024"}"#,
         ["SUB-005 $.nameControl", "SUB-005 $.period"]),
        // Money is a string, never a JSON number.
        (DocumentAccountTests.payment.replacingOccurrences(of: #""1250.00""#, with: "1250.00"), ["SUB-005 $.amount"]),
        (DocumentAccountTests.payment.replacingOccurrences(of: #""balance-due""#, with: #""tip""#), ["SUB-005 $.reason"]),
        (DocumentAccountTests.payment.replacingOccurrences(of: #","accountType":"checking""#, with: ""),
         ["SUB-005 $.bankAccount.accountType"]),
        (DocumentAccountTests.payment.replacingOccurrences(of: #""accountNumber""#, with: #""iban""#),
         ["SUB-005 $.bankAccount.accountNumber", "SUB-005 $.bankAccount.iban"]),
        (#"{"type":"payment-cancel"}"#, ["SUB-005 $.payment"]),
        // Plans: the fields of the type, and no others.
        (DocumentAccountTests.paymentPlan.replacingOccurrences(of: #""dueDay":15"#, with: #""dueDay":"15""#), ["SUB-005 $.dueDay"]),
        (DocumentAccountTests.paymentPlan.replacingOccurrences(of: #""dueDay":15"#, with: #""dueDay":15.5"#), ["SUB-005 $.dueDay"]),
        (DocumentAccountTests.paymentPlan.replacingOccurrences(of: #","dueDay":15"#, with: ""), ["SUB-005 $.dueDay"]),
        (DocumentAccountTests.paymentPlan.replacingOccurrences(of: #""dueDay":15"#, with: #""dueDay":15,"payBy":"2027-01-01""#),
         ["SUB-005 $.payBy"]),
        (#"{"type":"payment-plan","action":"create","tin":"400-01-2345","nameControl":"TEAK","plan":"short-term","monthlyPayment":"1.00"}"#,
         ["SUB-005 $.monthlyPayment", "SUB-005 $.payBy"]),
        (#"{"type":"payment-plan","action":"create","tin":"400-01-2345","nameControl":"TEAK","plan":"medium-term","payBy":"2027-01-01"}"#,
         ["SUB-005 $.plan"]),
        (#"{"type":"payment-plan","action":"cancel","plan":"PL-1"}"#, ["SUB-005 $.action", "SUB-005 $.plan"]),
        (#"{"type":"payment-plan","action":"revise","plan":"PL-1"}"#, ["SUB-005 $"]),
        (#"{"type":"payment-plan","action":"revise","plan":"PL-1","planType":"monthly"}"#, ["SUB-005 $.planType"]),
        (#"{"type":"payment-plan","action":"revise","plan":"PL-1","tin":"400-01-2345","dueDay":2}"#, ["SUB-005 $.tin"]),
        // Messages: subject and body lengths.
        (DocumentAccountTests.secureMessage.replacingOccurrences(of: "Your 2024 return", with: String(repeating: "s", count: 201)),
         ["SUB-005 $.subject"]),
        (DocumentAccountTests.secureMessage.replacingOccurrences(of: "Your 2024 return", with: "  "), ["SUB-005 $.subject"]),
        (#"{"type":"message-reply","message":"M-1","body":"\#(DocumentAccountTests.longBody)"}"#, ["SUB-005 $.body"]),
        (#"{"type":"message-reply","message":"M-1","body":"b","to":"x"}"#, ["SUB-005 $.to"]),
        (#"{"type":"pps-order","practitioner":"dana.oak","requests":[]}"#, ["SUB-005 $.requests"]),
        (#"{"type":"pps-order","practitioner":"dana.oak","requests":[{"tin":"400-01-2345"}]}"#,
         ["SUB-005 $.requests[0].nameControl", "SUB-005 $.requests[0].product", "SUB-005 $.requests[0].form",
          "SUB-005 $.requests[0].periods"]),
    ]

    @Test("schema errors, each SUB-005 with its path", arguments: schemaCases)
    func schemaErrors(text: String, expected: [String]) {
        #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(text)) == expected)
    }

    @Test func subjectOf200AndBodyOf10000CharactersAreAccepted() {
        let text = Self.secureMessage.replacingOccurrences(of: "Your 2024 return", with: String(repeating: "é", count: 200))
            .replacingOccurrences(of: "Please send the Schedule C receipts.", with: String(repeating: "b", count: 10_000))
        #expect(Self.document(text)?.kind == .secureMessage)
    }
}
