/// A taxpayer as a report shows them (SPEC 12 "Visibility"): masked as on transcripts (TIN last
/// four, each name part its first four characters; see `Masking`), except in the taxpayer's own
/// reports; a client list shows the full name beside the masked TIN (SPEC 12.2).
public struct ReportTaxpayer: Sendable, Hashable, Encodable {
    /// How much of the identity shows.
    public enum Identity: Sendable, Hashable {
        /// Name and TIN masked (request list, a practitioner's account summary).
        case masked
        /// Full name, masked TIN (client list).
        case fullNameMaskedTIN
        /// Everything (the taxpayer's own account summary).
        case unmasked
    }

    /// `individual` (SSN or ITIN) or `business` (EIN).
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// An SSN or ITIN, or an EIN.
        case individual, business
    }

    /// The name as shown; empty when the Master File has no entity for the TIN.
    public let name: String
    /// The TIN as shown.
    public let tin: String
    /// Individual or business.
    public let kind: Kind

    /// The taxpayer with dashed TIN `tin` and Master File entity `entity` (when on file).
    public init(tin: String, entity: EntityRecord?, identity: Identity) {
        let parsed = try? TIN(parsing: tin)
        let maskName = identity == .masked
        name = entity.map { TranscriptBuilder.name($0.name, masked: maskName) } ?? ""
        self.tin = parsed.map { identity == .unmasked ? $0.description : Masking.tin($0) } ?? ""
        kind = parsed?.isIndividual == false ? .business : .individual
    }
}
