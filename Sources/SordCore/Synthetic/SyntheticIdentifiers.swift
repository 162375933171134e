/// How synthetic identifiers are made: well-formed, passing SordCore's validation, unique, and
/// drawn from ranges kept apart so the kinds never collide.
///
/// - Taxpayer SSNs: areas 400–599, every group 01–99 and serial 0001–9999 (198 million numbers).
/// - Practitioner SSNs: areas 600–665 (never 666).
/// - ITINs: 9NN-70…88-NNNN (valid ITIN groups).
/// - Taxpayer EINs: prefixes 20–27 and 30–39; payer EINs (employers, banks): prefixes 80–88.
/// - CAF numbers: an IRS issuing prefix and 7 scrambled digits; PTINs `P` + 8 scrambled digits;
///   EFINs 6 digits from 100000.
///
/// Each number comes from the item's index through `Scramble`, a bijection, so they are unique
/// without remembering the ones already made; the seed shifts them, so different seeds give
/// different numbers. They look issued but, being synthetic, belong to nobody on purpose.
struct SyntheticIdentifiers {
    private let taxpayerSSNMap: Scramble
    private let practitionerSSNMap: Scramble
    private let itinMap: Scramble
    private let taxpayerEINMap: Scramble
    private let payerEINMap: Scramble
    private let cafMap: Scramble
    private let ptinMap: Scramble

    private static let serials = 9_999
    private static let groups = 99

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed ^ 0x1D)
        taxpayerSSNMap = Scramble(modulus: 200 * Self.groups * Self.serials, multiplier: 1_000_003, seed: rng.next())
        practitionerSSNMap = Scramble(modulus: 66 * Self.groups * Self.serials, multiplier: 1_000_003, seed: rng.next())
        itinMap = Scramble(modulus: 100 * 19 * Self.serials, multiplier: 1_000_003, seed: rng.next())
        taxpayerEINMap = Scramble(modulus: 18 * 10_000_000, multiplier: 1_000_003, seed: rng.next())
        payerEINMap = Scramble(modulus: 9 * 10_000_000, multiplier: 1_000_003, seed: rng.next())
        cafMap = Scramble(modulus: 10_000_000, multiplier: 1_000_003, seed: rng.next())
        ptinMap = Scramble(modulus: 100_000_000, multiplier: 1_000_003, seed: rng.next())
    }

    func taxpayerSSN(_ index: Int) -> String { ssn(taxpayerSSNMap(index), firstArea: 400) }
    func practitionerSSN(_ index: Int) -> String { ssn(practitionerSSNMap(index), firstArea: 600) }

    func itin(_ index: Int) -> String {
        let n = itinMap(index)
        let serial = n % Self.serials + 1
        let group = 70 + (n / Self.serials) % 19
        let area = 900 + n / (Self.serials * 19)
        return "\(area)-\(pad(group, 2))-\(pad(serial, 4))"
    }

    func taxpayerEIN(_ index: Int) -> String {
        let n = taxpayerEINMap(index)
        let prefixes = [20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]
        return "\(prefixes[n / 10_000_000])-\(pad(n % 10_000_000, 7))"
    }

    func payerEIN(_ index: Int) -> String {
        let n = payerEINMap(index)
        return "\(80 + n / 10_000_000)-\(pad(n % 10_000_000, 7))"
    }

    /// A CAF number with the issuing prefix chosen by `prefixPick` (an index into the IRS list).
    func caf(_ index: Int, prefixPick: Int, suffix: Character?) -> String {
        let prefixes = CAFNumber.issuingPrefixes
        let number = prefixes[prefixPick % prefixes.count] * 10_000_000 + cafMap(index)
        return pad(number / 100_000, 4) + "-" + pad(number % 100_000, 5) + (suffix.map(String.init) ?? "")
    }

    func ptin(_ index: Int) -> String { "P" + pad(ptinMap(index), 8) }

    func efin(_ index: Int) -> String { pad(100_000 + index, 6) }

    private func ssn(_ n: Int, firstArea: Int) -> String {
        let serial = n % Self.serials + 1
        let group = (n / Self.serials) % Self.groups + 1
        let area = firstArea + n / (Self.serials * Self.groups)
        return "\(area)-\(pad(group, 2))-\(pad(serial, 4))"
    }
}

/// `value` in decimal, zero-padded on the left to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
