/// The kind of a sord user (SPEC 2): it decides which documents they may submit
/// (`SubmissionPermissions`) and how the account rules see them.
public enum UserKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// An e-Services user: a tax professional or a firm's employee.
    case practitioner
    /// An individual with an online account: approves requests, sees and pays their own account.
    case taxpayer
    /// The tax authority's own people: PPS assistors and examiners who send secure messages.
    case staff
}
