/// The rule of a `withdrawal` (SPEC 5.3, WD-001): a representative withdraws only from an active
/// authorization that names their own linked CAF number.
public enum WithdrawalRules {
    /// WD-001 unless `authorization` is active and names `submitterCAF`. One message for every case,
    /// so the answer does not tell whether someone else's authorization exists.
    public static func check(authorization: CAFAuthorizationRecord?, submitterCAF: CAFNumber?) -> Problem? {
        guard let authorization, authorization.status == .active, let submitterCAF, authorization.names(submitterCAF) else {
            return Problem(.wd001, "There is no active authorization with this id naming your linked CAF number.",
                           path: "$.authorization")
        }
        return nil
    }
}
