/// The name control of the account documents (`account-summary`, `payment`, `payment-plan`;
/// ACC-003): folded like names (`NameControl(submitted:)`), then compared with the Master File
/// entity's, only once the requester is known to be authorized (authorization before existence).
enum AccountNameControl {
    /// The submitted name control, or nil after reporting ACC-003 at `$.nameControl` when it is
    /// malformed.
    static func parse(_ text: String, _ problems: inout [Problem]) -> NameControl? {
        guard let control = try? NameControl(submitted: text) else {
            problems.append(Problem(.acc003, "The name control must be 1 to 4 characters as the IRS derives it (letters, digits, & or -), e.g. TEAK.",
                                    path: path))
            return nil
        }
        return control
    }

    /// ACC-003 when `control` is not the name control of `entity`'s name.
    static func mismatch(_ control: NameControl, entity: EntityRecord) -> Problem? {
        guard entity.name.nameControl?.value != control.value else { return nil }
        return Problem(.acc003, "The name control does not match the Master File; check the spelling of the taxpayer's last name.",
                       path: path)
    }

    private static let path = "$.nameControl"
}
