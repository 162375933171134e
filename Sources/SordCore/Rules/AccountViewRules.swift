/// The whole-request rule of the practitioner's account views, `client-list`, `request-list` and
/// `account-summary` (SPEC 12.2, 12.3): a linked CAF number on the CAF in good standing
/// (`ACC-001`, `ACC-002`). A taxpayer's own account summary needs none.
public enum AccountViewRules {
    /// ACC-001 when the practitioner has no linked CAF number; ACC-002 when it is not on the CAF
    /// or has practice code D, E, R, S or I.
    public static func check(_ standing: LinkedCAFStanding) -> [Problem] {
        standing.problem(unlinked: .acc001, notInGoodStanding: .acc002).map { [$0] } ?? []
    }
}
