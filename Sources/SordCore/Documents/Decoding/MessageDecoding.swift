/// The strict schemas of the staff documents and the answer to them (SPEC 12.7, 12.8):
/// `secure-message`, `message-reply` and `pps-order`. A subject holds at most 200 characters and a
/// body at most 10,000, neither empty (`SUB-005`).
extension SecureMessage {
    /// Most characters in a subject.
    static let maxSubject = 200
    /// Most characters in a body.
    static let maxBody = 10_000

    static func decode(_ reader: ObjectReader) -> SecureMessage? {
        let clientRef = reader.optional("clientRef", .clientRef)
        let to = reader.required("to", .string)
        let tin = reader.required("tin", .string)
        let form = reader.required("form", .string)
        let period = reader.required("period", .string)
        let subject = reader.required("subject", .text(maxLength: maxSubject))
        let body = reader.required("body", .text(maxLength: maxBody))
        guard let to, let tin, let form, let period, let subject, let body else { return nil }
        return SecureMessage(clientRef: clientRef, to: to, tin: tin, form: form, period: period, subject: subject, body: body)
    }
}

extension MessageReply {
    static func decode(_ reader: ObjectReader) -> MessageReply? {
        let clientRef = reader.optional("clientRef", .clientRef)
        let message = reader.required("message", .string)
        let body = reader.required("body", .text(maxLength: SecureMessage.maxBody))
        guard let message, let body else { return nil }
        return MessageReply(clientRef: clientRef, message: message, body: body)
    }
}

extension PPSOrder {
    static func decode(_ reader: ObjectReader) -> PPSOrder? {
        let clientRef = reader.optional("clientRef", .clientRef)
        let practitioner = reader.required("practitioner", .string)
        let requests = reader.required("requests", .transcriptRequestLines)
        guard let practitioner, let requests else { return nil }
        return PPSOrder(clientRef: clientRef, practitioner: practitioner, transcripts: TranscriptRequest(requests: requests))
    }
}
