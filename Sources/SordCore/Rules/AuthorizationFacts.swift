/// What the authorization rules need to know besides the document: the submitter and the records
/// the reference data holds for the TINs and CAF numbers the document names. Loaded by the daemon
/// inside its transaction; the rules themselves do no I/O.
public struct AuthorizationFacts: Sendable {
    /// The submitting user's linked CAF number, if any.
    public var submitterCAF: CAFNumber?
    /// The submitting user's PTIN, if any.
    public var submitterPTIN: PTIN?
    /// The Master File entity under the taxpayer's TIN, when on file.
    public var entity: EntityRecord?
    /// The CAF records of the representatives' numbers that are on file, keyed by `CAFNumber.number`.
    public var representatives: [Int: RepresentativeRecord]
    /// Tax Pro Account: the CAF record of the submitter's linked number, when on file (TPA-006).
    public var submitterRepresentative: RepresentativeRecord?
    /// Tax Pro Account: the Master File name under the submitter's own TIN, when on file (TPA-006).
    public var submitterMasterFileName: RecordName?
    /// Tax Pro Account: the id of the active sord taxpayer user with the taxpayer's TIN, whose
    /// mailbox receives the request. Its existence is the taxpayer's online account (SPEC 2):
    /// TPA-008 when there is none.
    public var taxpayerUser: String?

    public init(submitterCAF: CAFNumber? = nil, submitterPTIN: PTIN? = nil, entity: EntityRecord? = nil,
                representatives: [Int: RepresentativeRecord] = [:], submitterRepresentative: RepresentativeRecord? = nil,
                submitterMasterFileName: RecordName? = nil, taxpayerUser: String? = nil) {
        self.submitterCAF = submitterCAF
        self.submitterPTIN = submitterPTIN
        self.entity = entity
        self.representatives = representatives
        self.submitterRepresentative = submitterRepresentative
        self.submitterMasterFileName = submitterMasterFileName
        self.taxpayerUser = taxpayerUser
    }
}
