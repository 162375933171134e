/// The strict schema of a JSON `transcript-request` (SPEC 5.6).
extension TranscriptRequest {
    static func decode(_ reader: ObjectReader) -> TranscriptRequest? {
        let clientRef = reader.optional("clientRef", .clientRef)
        guard let requests = reader.required("requests", .transcriptRequestLines) else { return nil }
        return TranscriptRequest(clientRef: clientRef, requests: requests)
    }
}

extension ValueDecoder where T == [TranscriptRequestLine] {
    /// The `requests` of a `transcript-request` (and of a `pps-order`, which takes the same lines):
    /// a non-empty array of request lines, each remembering its index for the items' paths.
    static var transcriptRequestLines: ValueDecoder<[TranscriptRequestLine]> {
        .array(nonEmpty: true) { index in TranscriptRequestLine.decoder(source: .json(request: index)) }
    }
}

extension TranscriptRequestLine {
    static func decoder(source: TranscriptSource) -> ValueDecoder<Self> {
        .object { reader in
            let tin = reader.required("tin", .string)
            let nameControl = reader.required("nameControl", .string)
            let product = reader.required("product", ValueDecoder<TranscriptProduct>.enumeration)
            let form = reader.required("form", .string)
            let periods = reader.required("periods", .array(of: .string, nonEmpty: true))
            let customerFileNumber = reader.optional("customerFileNumber", .string)
            let unmasked = reader.optional("unmasked", .bool, default: false)
            let format = reader.optional("format", ValueDecoder<OutputFormat>.enumeration, default: .text)
            guard let tin, let nameControl, let product, let form, let periods else { return nil }
            return Self(
                tin: tin, nameControl: nameControl, product: product, form: form, periods: periods,
                customerFileNumber: customerFileNumber, unmasked: unmasked, format: format, source: source)
        }
    }
}
