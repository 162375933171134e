/// The result of the authorization rules: every problem found, or the form in typed, canonical
/// shape, ready to be recorded (upload) or to become a pending request (Tax Pro Account).
public enum AuthorizationVerdict: Sendable, Hashable {
    case valid(ValidAuthorization)
    case rejected([Problem])
}

/// A Form 2848 / 8821 that passed every rule of its channel.
public struct ValidAuthorization: Sendable, Hashable {
    /// One representative (2848) or designee (8821), typed.
    public struct Representative: Sendable, Hashable {
        /// A CAF number, or `.none` when the form asks for one to be assigned.
        public let caf: CAFReference
        public let name: RecordName
        public let address: RecordAddress
        public let ptin: PTIN?
        public let receiveNotices: Bool
        /// The Part II designation (2848 only).
        public let designation: AuthorizationDesignation?
    }

    public let form: CAFAuthorizationRecord.Form
    public let channel: AuthorizationDocument.Channel
    public let tin: TIN
    public let representatives: [Representative]
    /// The matters with canonical periods (`YYYY` / `YYYY-MM`).
    public let matters: [Matter]
    /// The index in `representatives` of the submitter (their linked CAF number, or PTIN for "None").
    public let submitterIndex: Int
    /// False for a line 4 (specific use) form: accepted, but not recorded on the CAF.
    public let recordsOnCAF: Bool
    /// False when line 6 (2848) / line 5 (8821) keeps the earlier authorizations.
    public let revokesPrior: Bool

    /// Every (form, period) pair the matters cover: what a recorded form revokes earlier ones for.
    public var coverage: [(form: String, period: String)] {
        CAFAuthorizationRecord(id: "", form: form, tin: "", caf: "", matters: matters, recordedOn: "").coverage
    }

    /// The CAF record of representative `index`, under `caf` (their own number or the one just
    /// assigned), recorded on `day`.
    public func record(representative index: Int, id: String, caf: CAFNumber, recordedOn day: Day) -> CAFAuthorizationRecord {
        let representative = representatives[index]
        return CAFAuthorizationRecord(id: id, form: form, tin: tin.description, caf: caf.description, matters: matters,
                                      receiveNotices: representative.receiveNotices,
                                      designation: representative.designation?.rawValue, status: .active,
                                      recordedOn: day.description)
    }
}
