import Testing
@testable import SordCore

/// parse(format(x)) == x over thousands of random valid values of every identifier type, drawn
/// from a seeded generator so a failure is reproducible.
@Suite("Identifier round trips")
struct IdentifiersPropertyTests {
    static let rounds = 5_000

    private static func draw<T>(_ count: Int, seed: UInt64, _ make: (inout SplitMix64) -> T?) -> [T] {
        var rng = SplitMix64(seed: seed)
        var out: [T] = []
        while out.count < count {
            if let value = make(&rng) { out.append(value) }
        }
        return out
    }

    @Test func ssnRoundTrip() throws {
        let values = Self.draw(Self.rounds, seed: 1) { rng in
            try? SSN(area: Int.random(in: 0...999, using: &rng), group: Int.random(in: 0...99, using: &rng),
                     serial: Int.random(in: 0...9999, using: &rng))
        }
        for ssn in values {
            #expect(try SSN(parsing: ssn.description) == ssn)
            #expect(try TIN(parsing: ssn.description) == .ssn(ssn))
            #expect(ssn.area != 0 && ssn.area != 666 && ssn.area < 900 && ssn.group != 0 && ssn.serial != 0)
        }
    }

    @Test func itinRoundTrip() throws {
        let values = Self.draw(Self.rounds, seed: 2) { rng in
            try? ITIN(area: Int.random(in: 900...999, using: &rng), group: Int.random(in: 0...99, using: &rng),
                      serial: Int.random(in: 0...9999, using: &rng))
        }
        for itin in values {
            #expect(try ITIN(parsing: itin.description) == itin)
            #expect(try TIN(parsing: itin.description) == .itin(itin))
        }
    }

    @Test func einRoundTrip() throws {
        let values = Self.draw(Self.rounds, seed: 3) { rng in
            try? EIN(prefix: Int.random(in: 0...99, using: &rng), serial: Int.random(in: 0...9_999_999, using: &rng))
        }
        for ein in values {
            #expect(try EIN(parsing: ein.description) == ein)
            #expect(try TIN(parsing: ein.description) == .ein(ein))
        }
    }

    @Test func cafRoundTrip() throws {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let values = Self.draw(Self.rounds, seed: 4) { rng in
            let suffix: Character? = Bool.random(using: &rng) ? letters.randomElement(using: &rng) : nil
            return try? CAFNumber(number: Int.random(in: 0...999_999_999, using: &rng), suffix: suffix)
        }
        for caf in values {
            #expect(try CAFNumber(parsing: caf.description) == caf)
            #expect(try CAFReference(parsing: caf.description) == .number(caf))
        }
    }

    @Test func ptinEfinZipStateRoundTrip() throws {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<Self.rounds {
            let ptin = try PTIN(number: Int.random(in: 0...99_999_999, using: &rng))
            #expect(try PTIN(parsing: ptin.description) == ptin)
            let efin = try EFIN(number: Int.random(in: 0...999_999, using: &rng))
            #expect(try EFIN(parsing: efin.description) == efin)
            var zipText = DigitText.padded(Int.random(in: 0...99_999, using: &rng), width: 5)
            if Bool.random(using: &rng) { zipText += "-" + DigitText.padded(Int.random(in: 0...9999, using: &rng), width: 4) }
            let zip = try ZIPCode(parsing: zipText)
            #expect(try ZIPCode(parsing: zip.description) == zip)
            #expect(zip.description == zipText)
            let state = USState.allCases.randomElement(using: &rng)!
            #expect(try USState(parsing: state.description) == state)
        }
    }

    @Test func dayRoundTrip() throws {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<Self.rounds {
            let day = Day(ordinal: Int.random(in: -700_000...2_900_000, using: &rng))
            #expect(try Day(parsing: day.description) == day)
            #expect(Day(ordinal: day.ordinal) == day)
        }
    }

    @Test func periodRoundTrip() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<Self.rounds {
            let year = Int.random(in: 1...9999, using: &rng)
            let period = Bool.random(using: &rng)
                ? try TaxPeriod(year: year) : try TaxPeriod(year: year, endMonth: Int.random(in: 1...12, using: &rng))
            #expect(try TaxPeriod(parsing: period.description) == period)
        }
    }

    /// Random 9-digit strings, dashed as an SSN/ITIN or an EIN: TIN parsing either refuses them or
    /// returns a value that prints back to the same text.
    @Test func tinParsingNeverChangesAcceptedText() {
        var rng = SplitMix64(seed: 8)
        for _ in 0..<Self.rounds {
            let n = Int.random(in: 0...999_999_999, using: &rng)
            let digits = DigitText.padded(n, width: 9)
            let text = Bool.random(using: &rng)
                ? "\(digits.prefix(3))-\(digits.dropFirst(3).prefix(2))-\(digits.suffix(4))"
                : "\(digits.prefix(2))-\(digits.dropFirst(2))"
            if let tin = try? TIN(parsing: text) {
                #expect(tin.description == text)
                #expect(tin.digits == digits)
            }
        }
    }
}
