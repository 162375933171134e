/// Small helpers over `SplitMix64` for the synthetic data. Every draw goes through `next()`, so a
/// dataset depends only on the seed and the order of draws, never on the platform's randomness.
extension SplitMix64 {
    /// A generator for item `index` of a stream named `stream`, independent of every other item: the
    /// same seed gives the same item whatever was generated before it.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        let base = mixer.next()
        self.init(seed: base ^ (index &* 0x9E37_79B9_7F4A_7C15))
        _ = next()
    }

    /// A whole number in `range`, uniform enough for test data (modulo bias below 2^-40).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p` (0 ... 1).
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// An amount of whole dollars in `range`, plus random cents when `cents` is true.
    mutating func money(_ range: ClosedRange<Int>, cents: Bool = true) -> Money {
        Money(cents: Int64(int(range)) * 100 + (cents ? Int64(int(0...99)) : 0))
    }
}
