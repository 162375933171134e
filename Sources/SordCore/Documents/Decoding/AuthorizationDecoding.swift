/// The strict schema of `authorization` (SPEC 5.1).
extension AuthorizationDocument {
    static func decode(_ reader: ObjectReader) -> AuthorizationDocument? {
        let clientRef = reader.optional("clientRef", .clientRef)
        let form = reader.required("form", ValueDecoder<Form>.enumeration)
        let channel = reader.required("channel", ValueDecoder<Channel>.enumeration)
        let taxpayer = reader.required("taxpayer", Taxpayer.decoder)
        let representatives = reader.required("representatives", .array(of: Representative.decoder, nonEmpty: true))
        let matters = reader.required("matters", .array(of: Matter.decoder, nonEmpty: true))
        let specificUse = reader.optional("specificUse", .bool, default: false)
        let additionalActs = reader.optional("additionalActs", AdditionalActs.decoder)
        let actsNotAuthorized = reader.optional("actsNotAuthorized", .string)
        let retainPrior = reader.optional("retainPrior", .bool, default: false)
        let taxpayerSignature = reader.optional("taxpayerSignature", TaxpayerSignature.decoder)
        guard let form, let channel, let taxpayer, let representatives, let matters else { return nil }
        return AuthorizationDocument(
            clientRef: clientRef, form: form, channel: channel, taxpayer: taxpayer,
            representatives: representatives, matters: matters, specificUse: specificUse,
            additionalActs: additionalActs, actsNotAuthorized: actsNotAuthorized, retainPrior: retainPrior,
            taxpayerSignature: taxpayerSignature)
    }
}

extension AuthorizationDocument.Taxpayer {
    static var decoder: ValueDecoder<Self> {
        .object { reader in
            let name = reader.required("name", .documentName)
            let tin = reader.required("tin", .string)
            let address = reader.required("address", .documentAddress)
            guard let name, let tin, let address else { return nil }
            return Self(name: name, tin: tin, address: address)
        }
    }
}

extension AuthorizationDocument.Representative {
    static var decoder: ValueDecoder<Self> {
        .object { reader in
            let name = reader.required("name", .documentName)
            let caf = reader.required("caf", .string)
            let ptin = reader.optional("ptin", .string)
            let address = reader.required("address", .documentAddress)
            let receiveNotices = reader.optional("receiveNotices", .bool, default: false)
            let designation = reader.optional("designation", .string)
            let jurisdiction = reader.optional("jurisdiction", .string)
            let licenseNumber = reader.optional("licenseNumber", .string)
            let signedOn = reader.optional("signedOn", .string)
            guard let name, let caf, let address else { return nil }
            return Self(
                name: name, caf: caf, ptin: ptin, address: address, receiveNotices: receiveNotices,
                designation: designation, jurisdiction: jurisdiction, licenseNumber: licenseNumber,
                signedOn: signedOn)
        }
    }
}

extension AuthorizationDocument.Matter {
    static var decoder: ValueDecoder<Self> {
        .object { reader in
            let description = reader.required("description", .string)
            let form = reader.required("form", .string)
            let periods = reader.required("periods", .array(of: .string, nonEmpty: false))
            guard let description, let form, let periods else { return nil }
            return Self(description: description, form: form, periods: periods)
        }
    }
}

extension AuthorizationDocument.AdditionalActs {
    static var decoder: ValueDecoder<Self> {
        .object { reader in
            Self(
                intermediateServiceProvider: reader.optional("intermediateServiceProvider", .bool, default: false),
                disclosure: reader.optional("disclosure", .bool, default: false),
                substitute: reader.optional("substitute", .bool, default: false),
                signReturn: reader.optional("signReturn", .bool, default: false),
                other: reader.optional("other", .string, default: ""))
        }
    }
}

extension AuthorizationDocument.TaxpayerSignature {
    static var decoder: ValueDecoder<Self> {
        .object { reader in
            Self(
                signedOn: reader.optional("signedOn", .string),
                name: reader.optional("name", .string),
                title: reader.optional("title", .string))
        }
    }
}
