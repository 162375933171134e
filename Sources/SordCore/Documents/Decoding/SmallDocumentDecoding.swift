/// The strict schemas of the one-line documents: `authorization-decision`, `withdrawal`, `caf-link`
/// and `delegation` (SPEC 5.2–5.5). Every field but `clientRef` is required.
extension AuthorizationDecision {
    static func decode(_ reader: ObjectReader) -> AuthorizationDecision? {
        let clientRef = reader.optional("clientRef", .clientRef)
        let request = reader.required("request", .string)
        let decision = reader.required("decision", ValueDecoder<Answer>.enumeration)
        guard let request, let decision else { return nil }
        return AuthorizationDecision(clientRef: clientRef, request: request, decision: decision)
    }
}

extension Withdrawal {
    static func decode(_ reader: ObjectReader) -> Withdrawal? {
        let clientRef = reader.optional("clientRef", .clientRef)
        guard let authorization = reader.required("authorization", .string) else { return nil }
        return Withdrawal(clientRef: clientRef, authorization: authorization)
    }
}

extension CAFLink {
    static func decode(_ reader: ObjectReader) -> CAFLink? {
        let clientRef = reader.optional("clientRef", .clientRef)
        guard let caf = reader.required("caf", .string) else { return nil }
        return CAFLink(clientRef: clientRef, caf: caf)
    }
}

extension Delegation {
    static func decode(_ reader: ObjectReader) -> Delegation? {
        let clientRef = reader.optional("clientRef", .clientRef)
        let efin = reader.required("efin", .string)
        let delegate = reader.required("delegate", .string)
        let authority = reader.required("authority", ValueDecoder<Authority>.enumeration)
        let action = reader.required("action", ValueDecoder<Action>.enumeration)
        guard let efin, let delegate, let authority, let action else { return nil }
        return Delegation(clientRef: clientRef, efin: efin, delegate: delegate, authority: authority, action: action)
    }
}
