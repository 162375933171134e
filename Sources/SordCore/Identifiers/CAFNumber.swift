/// A CAF number: 9 digits written `NNNN-NNNNN`, optionally followed by one letter (`0312-34567R`).
///
/// A lower-case suffix letter is accepted and stored upper case. Two CAF numbers name the same CAF
/// record when their `number`s are equal; the suffix is kept so the number can be written back as given.
public struct CAFNumber: Hashable, Sendable, CustomStringConvertible {
    /// The nine digits as a number (0 ... 999,999,999).
    public let number: Int
    /// The optional suffix letter, A–Z.
    public let suffix: Character?

    /// The first two digits of newly issued CAF numbers, in the IRS's order (DOMAIN.md).
    public static let issuingPrefixes: [Int] = [20, 32, 50, 80, 26, 78, 65, 12, 43, 90, 1, 2, 3]

    /// A CAF number from its nine digits and optional suffix letter (A–Z or a–z).
    public init(number: Int, suffix: Character? = nil) throws(IdentifierError) {
        guard (0...999_999_999).contains(number) else { throw .malformed(.caf) }
        var letter: Character?
        if let suffix {
            guard suffix.isASCII, suffix.isLetter else { throw .malformed(.caf) }
            letter = Character(suffix.uppercased())
        }
        self.number = number
        self.suffix = letter
    }

    /// A number already known to be in range, without suffix.
    private init(validNumber: Int) {
        number = validNumber
        suffix = nil
    }

    /// Parses `NNNN-NNNNN` with an optional trailing letter.
    public init(parsing text: String) throws(IdentifierError) {
        var body = Substring(text)
        var letter: Character?
        if let last = body.last, last.isASCII, last.isLetter {
            letter = last
            body = body.dropLast()
        }
        guard let f = DigitText.fields(String(body), widths: [4, 5]) else { throw .malformed(.caf) }
        try self.init(number: f[0] * 100_000 + f[1], suffix: letter)
    }

    /// The first two digits.
    public var prefix: Int { number / 10_000_000 }

    /// The canonical form `NNNN-NNNNN` plus the suffix letter if any.
    public var description: String {
        DigitText.padded(number / 100_000, width: 4) + "-" + DigitText.padded(number % 100_000, width: 5)
            + (suffix.map(String.init) ?? "")
    }

    /// A new CAF number, without suffix, whose first two digits come from `issuingPrefixes` and
    /// that `isTaken` says is unused; nil when `maxAttempts` random draws all hit taken numbers.
    ///
    /// The random source is passed in so tests (and replays) are deterministic.
    public static func generate(
        using generator: inout some RandomNumberGenerator,
        maxAttempts: Int = 1_000,
        isTaken: (CAFNumber) throws -> Bool
    ) rethrows -> CAFNumber? {
        for _ in 0..<maxAttempts {
            let prefix = issuingPrefixes[Int.random(in: 0..<issuingPrefixes.count, using: &generator)]
            let rest = Int.random(in: 0...9_999_999, using: &generator)
            let candidate = CAFNumber(validNumber: prefix * 10_000_000 + rest)
            if try !isTaken(candidate) { return candidate }
        }
        return nil
    }
}
