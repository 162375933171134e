/// A bijection of `0 ..< modulus` (multiply by a unit, add an offset), so distinct indices always
/// map to distinct numbers that do not look sequential: how synthetic TINs, CAF numbers and PTINs
/// stay unique without a set, and how payment confirmation numbers stay unique.
struct Scramble: Sendable {
    let modulus: Int
    let multiplier: Int
    let offset: Int

    /// `multiplier` must share no factor with `modulus`.
    init(modulus: Int, multiplier: Int, seed: UInt64) {
        precondition(Self.gcd(multiplier, modulus) == 1, "multiplier must be coprime with modulus")
        self.modulus = modulus
        self.multiplier = multiplier % modulus
        offset = Int(seed % UInt64(modulus))
    }

    /// The image of `index` (taken modulo `modulus`); exact for any modulus, the product is
    /// computed in 128 bits.
    func callAsFunction(_ index: Int) -> Int {
        let product = UInt64(index % modulus).multipliedFullWidth(by: UInt64(multiplier))
        let scrambled = UInt64(modulus).dividingFullWidth(product).remainder
        return Int((scrambled + UInt64(offset)) % UInt64(modulus))
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
