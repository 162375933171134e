/// `authorization` (SPEC 5.1): a Form 2848 (power of attorney) or Form 8821 (tax information
/// authorization), uploaded signed or sent as a Tax Pro Account request.
///
/// Required: `form`, `channel`, `taxpayer`, at least one representative and at least one matter.
/// Optional: `specificUse` and `retainPrior` (default false), `additionalActs`, `actsNotAuthorized`,
/// `taxpayerSignature`. The 2848-only fields are accepted on an 8821 here and kept, so the rules can
/// report them as `AUTH-015` (see `form2848OnlyFieldPaths`).
public struct AuthorizationDocument: Sendable, Hashable {
    /// Which IRS form the document is.
    public enum Form: String, Sendable, Hashable, CaseIterable, Codable {
        /// Form 2848, Power of Attorney and Declaration of Representative.
        case form2848 = "2848"
        /// Form 8821, Tax Information Authorization.
        case form8821 = "8821"
    }

    /// How the authorization arrives.
    public enum Channel: String, Sendable, Hashable, CaseIterable, Codable {
        /// Submit Forms 2848 and 8821 Online: a complete, signed form, recorded at once.
        case upload
        /// A Tax Pro Account request, recorded when the taxpayer approves it.
        case taxProAccount = "tax-pro-account"
    }

    public let clientRef: String?
    public let form: Form
    public let channel: Channel
    public let taxpayer: Taxpayer
    /// Representatives (2848) or designees (8821); at least one.
    public let representatives: [Representative]
    /// Line 3: the tax matters and periods; at least one.
    public let matters: [Matter]
    /// Line 4: for a specific use not recorded on the CAF.
    public let specificUse: Bool
    /// Line 5a (2848 only); nil when the document leaves it out.
    public let additionalActs: AdditionalActs?
    /// Line 5b (2848 only); nil when the document leaves it out.
    public let actsNotAuthorized: String?
    /// 2848 line 6 / 8821 line 5: keep earlier authorizations instead of revoking them.
    public let retainPrior: Bool
    /// Line 7 (2848) / line 6 (8821); nil when the document has none (`AUTH-010` for uploads).
    public let taxpayerSignature: TaxpayerSignature?

    public init(
        clientRef: String? = nil, form: Form, channel: Channel, taxpayer: Taxpayer,
        representatives: [Representative], matters: [Matter], specificUse: Bool = false,
        additionalActs: AdditionalActs? = nil, actsNotAuthorized: String? = nil, retainPrior: Bool = false,
        taxpayerSignature: TaxpayerSignature? = nil
    ) {
        self.clientRef = clientRef
        self.form = form
        self.channel = channel
        self.taxpayer = taxpayer
        self.representatives = representatives
        self.matters = matters
        self.specificUse = specificUse
        self.additionalActs = additionalActs
        self.actsNotAuthorized = actsNotAuthorized
        self.retainPrior = retainPrior
        self.taxpayerSignature = taxpayerSignature
    }

    /// The JSON paths of the 2848-only fields present in this document (`designation`,
    /// `jurisdiction`, `licenseNumber`, `signedOn` of each representative, `additionalActs`,
    /// `actsNotAuthorized`), in document order: what `AUTH-015` names on an 8821.
    public var form2848OnlyFieldPaths: [String] {
        var paths: [String] = []
        for (index, representative) in representatives.enumerated() {
            let base = "$.representatives[\(index)]"
            if representative.designation != nil { paths.append(base + ".designation") }
            if representative.jurisdiction != nil { paths.append(base + ".jurisdiction") }
            if representative.licenseNumber != nil { paths.append(base + ".licenseNumber") }
            if representative.signedOn != nil { paths.append(base + ".signedOn") }
        }
        if additionalActs != nil { paths.append("$.additionalActs") }
        if actsNotAuthorized != nil { paths.append("$.actsNotAuthorized") }
        return paths
    }
}
