/// The strict schemas of `payment`, `payment-cancel` and `payment-plan` (SPEC 12.4, 12.5). Amounts
/// and dates are JSON strings, kept as written (a JSON number is refused, so no amount passes
/// through a float); `PAY-003` and `ID-004` judge them.
extension Payment {
    static func decode(_ reader: ObjectReader) -> Payment? {
        let clientRef = reader.optional("clientRef", .clientRef)
        let tin = reader.required("tin", .string)
        let nameControl = reader.required("nameControl", .string)
        let form = reader.required("form", .string)
        let period = reader.required("period", .string)
        let reason = reader.required("reason", ValueDecoder<PaymentReason>.enumeration)
        let amount = reader.required("amount", .string)
        let date = reader.optional("date", .string)
        let bankAccount = reader.required("bankAccount", .bankAccount)
        guard let tin, let nameControl, let form, let period, let reason, let amount, let bankAccount else { return nil }
        return Payment(clientRef: clientRef, tin: tin, nameControl: nameControl, form: form, period: period,
                       reason: reason, amount: amount, date: date, bankAccount: bankAccount)
    }
}

extension PaymentCancel {
    static func decode(_ reader: ObjectReader) -> PaymentCancel? {
        let clientRef = reader.optional("clientRef", .clientRef)
        guard let payment = reader.required("payment", .string) else { return nil }
        return PaymentCancel(clientRef: clientRef, payment: payment)
    }
}

extension PaymentPlan {
    /// `action` picks the shape. A creation carries the fields of its plan type and no others
    /// (see `Terms.decode`); a revision names the plan and at least one change. Every problem is
    /// reported; a document with any is rejected by the parser.
    static func decode(_ reader: ObjectReader) -> PaymentPlan? {
        let clientRef = reader.optional("clientRef", .clientRef)
        guard let action = reader.required("action", ValueDecoder<ActionName>.enumeration) else { return nil }
        switch action {
        case .create:
            let tin = reader.required("tin", .string)
            let nameControl = reader.required("nameControl", .string)
            let kind = reader.required("plan", ValueDecoder<PaymentPlanKind>.enumeration)
            let terms = Terms.decode(reader, kind: kind)
            guard let tin, let nameControl, let kind else { return nil }
            return PaymentPlan(clientRef: clientRef,
                               action: .create(Creation(tin: tin, nameControl: nameControl, kind: kind, terms: terms)))
        case .revise:
            let plan = reader.required("plan", .string)
            let changesKind = reader.has("planType")
            let kind = reader.optional("planType", ValueDecoder<PaymentPlanKind>.enumeration)
            let terms = Terms.decode(reader, kind: nil)
            if !changesKind, !Terms.fields.contains(where: reader.has) {
                reader.report("a revision changes at least one of planType, monthlyPayment, payBy, dueDay, directDebit")
            }
            guard let plan else { return nil }
            return PaymentPlan(clientRef: clientRef, action: .revise(Revision(plan: plan, kind: kind, terms: terms)))
        }
    }

    /// The spellings of `action`.
    enum ActionName: String, CaseIterable {
        case create, revise
    }
}

extension PaymentPlan.Terms {
    /// The terms fields, in document order of the SPEC example.
    static let fields = ["monthlyPayment", "payBy", "dueDay", "directDebit"]

    /// The fields a plan of `kind` needs.
    private static func needed(_ kind: PaymentPlanKind) -> Set<String> {
        kind == .longTerm ? ["monthlyPayment", "dueDay"] : ["payBy"]
    }

    /// The fields a plan of `kind` may have.
    private static func allowed(_ kind: PaymentPlanKind) -> Set<String> {
        kind == .longTerm ? ["monthlyPayment", "dueDay", "directDebit"] : ["payBy"]
    }

    /// The terms of a plan of `kind`, or of a revision (`kind` nil: every field optional). A field
    /// the type needs is reported missing; one it does not take is reported and not read.
    static func decode(_ reader: ObjectReader, kind: PaymentPlanKind?) -> Self {
        let needed = kind.map(Self.needed) ?? []
        let allowed = kind.map(Self.allowed) ?? Set(fields)
        for key in fields where !allowed.contains(key) && reader.has(key) {
            reader.report("a \(kind?.rawValue ?? "") plan has no \"\(key)\"", key: key)
            reader.skip(key)
        }
        func read<T>(_ key: String, _ decoder: ValueDecoder<T>) -> T? {
            guard allowed.contains(key) else { return nil }
            return needed.contains(key) ? reader.required(key, decoder) : reader.optional(key, decoder)
        }
        return Self(monthlyPayment: read("monthlyPayment", .string), payBy: read("payBy", .string),
                    dueDay: read("dueDay", .integer), directDebit: read("directDebit", .bankAccount))
    }
}

extension ValueDecoder where T == BankAccountEntry {
    /// `{"routingNumber","accountNumber","accountType"}`, every field a string.
    static var bankAccount: ValueDecoder<BankAccountEntry> {
        .object { reader in
            let routingNumber = reader.required("routingNumber", .string)
            let accountNumber = reader.required("accountNumber", .string)
            let accountType = reader.required("accountType", .string)
            guard let routingNumber, let accountNumber, let accountType else { return nil }
            return BankAccountEntry(routingNumber: routingNumber, accountNumber: accountNumber, accountType: accountType)
        }
    }
}
