/// Decoders for the pieces every document shares: `clientRef`, names and addresses (SPEC 5).
extension ValueDecoder where T == String {
    /// `clientRef`: a string of at most 64 characters.
    static var clientRef: ValueDecoder<String> { .string(maxLength: 64) }
}

extension ValueDecoder where T == DocumentName {
    /// `{"first","middle"?,"last","suffix"?}` or `{"business"}`; a business name may carry no
    /// person fields.
    static var documentName: ValueDecoder<DocumentName> {
        .object { reader in
            if reader.has("business") {
                let business = reader.required("business", .string)
                reader.finish(unknownFieldMessage: "not allowed in a business name, which has only \"business\"")
                return business.map(DocumentName.business)
            }
            let first = reader.required("first", .string)
            let middle = reader.optional("middle", .string)
            let last = reader.required("last", .string)
            let suffix = reader.optional("suffix", .string)
            guard let first, let last else { return nil }
            return .person(first: first, middle: middle, last: last, suffix: suffix)
        }
    }
}

extension ValueDecoder where T == DocumentAddress {
    /// `{"street","city","state","zip","country"?}`; country defaults to `US`.
    static var documentAddress: ValueDecoder<DocumentAddress> {
        .object { reader in
            let street = reader.required("street", .string)
            let city = reader.required("city", .string)
            let state = reader.required("state", .string)
            let zip = reader.required("zip", .string)
            let country = reader.optional("country", .string, default: "US")
            guard let street, let city, let state, let zip else { return nil }
            return DocumentAddress(street: street, city: city, state: state, zip: zip, country: country)
        }
    }
}
