/// The strict schemas of the account views and the CAF request (SPEC 12.1–12.3): `caf-request`,
/// `client-list`, `request-list` and `account-summary`. Reports default to `format: "json"`.
extension CAFRequest {
    static func decode(_ reader: ObjectReader) -> CAFRequest? {
        let clientRef = reader.optional("clientRef", .clientRef)
        guard let address = reader.required("address", .documentAddress) else { return nil }
        return CAFRequest(clientRef: clientRef, address: address)
    }
}

extension AccountList {
    static func decode(_ reader: ObjectReader) -> AccountList? {
        AccountList(clientRef: reader.optional("clientRef", .clientRef), format: reader.optional("format", .reportFormat, default: .json))
    }
}

extension AccountSummary {
    static func decode(_ reader: ObjectReader) -> AccountSummary? {
        let clientRef = reader.optional("clientRef", .clientRef)
        let tin = reader.required("tin", .string)
        let nameControl = reader.required("nameControl", .string)
        let form = reader.required("form", .string)
        let periods = reader.required("periods", .array(of: .string, nonEmpty: true))
        let format = reader.optional("format", .reportFormat, default: .json)
        guard let tin, let nameControl, let form, let periods else { return nil }
        return AccountSummary(clientRef: clientRef, tin: tin, nameControl: nameControl, form: form, periods: periods,
                              format: format)
    }
}

extension ValueDecoder where T == OutputFormat {
    /// A report's `format`: `"json"` or `"text"`.
    static var reportFormat: ValueDecoder<OutputFormat> { .enumeration }
}
