/// The 15-digit confirmation number of a payment (SPEC 12.4), like Direct Pay's EFT number.
///
/// Made from a sequence number the caller keeps (e.g. the payments table's row number) through a
/// fixed bijection of `0 ..< 10^15` (`Scramble`): the same sequence always gives the same number,
/// so a payment decided again after a crash keeps it, and distinct sequences give distinct
/// numbers, which do not reveal how many payments came before.
public enum ConfirmationNumber {
    /// How many digits a confirmation number has.
    public static let length = 15

    private static let scramble = Scramble(modulus: 1_000_000_000_000_000, multiplier: 420_196_140_727_489,
                                           seed: 271_828_182_845_904)

    /// The confirmation number of payment number `sequence` (0 ..< 10^15; larger numbers wrap),
    /// 15 ASCII digits with leading zeros.
    public static func make(sequence: Int) -> String {
        DigitText.padded(scramble(sequence), width: length)
    }
}
