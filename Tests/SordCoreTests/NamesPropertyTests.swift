import Testing
@testable import SordCore

/// "A derived name control always matches the MeF pattern", over random names built from letters,
/// hyphens, apostrophes, blanks, prefixes, accents, digits, symbols and non-Latin letters.
@Suite("Name control properties")
struct NamesPropertyTests {
    static let rounds = 5_000
    static let pieces: [String] = [
        "a", "b", "z", "Q", "x", "é", "Ü", "ñ", "ß", "Ø", "ł", "Æ", "ı", "-", "-", "'", " ", "  ", ".", "!", ",",
        "&", "0", "7", "Mc", "Mac", "O'", "Van ", "De La ", "St. ", "The ", "THE ", "the ", "Inc.", " Co",
        "Иван", "李", "α", "\u{301}", "\t",
    ]

    private static func randomName(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    /// Whether the text holds a letter that folds to ASCII A–Z (the only source of a person control).
    private static func hasLatinLetter(_ text: String) -> Bool {
        LatinFolding.fold(text, keepingUnfoldable: false).contains { $0.isASCII && $0.isLetter }
    }

    @Test func personControlsMatchThePattern() {
        var rng = SplitMix64(seed: 11)
        var derived = 0
        for _ in 0..<Self.rounds {
            let last = Self.randomName(&rng)
            do {
                let control = try NameControl.person(lastName: last)
                derived += 1
                #expect(NameControl.matchesPattern(control.value, kind: .person), "\(control.value)")
                #expect(try NameControl(parsing: control.value, kind: .person) == control)
            } catch {
                #expect(!Self.hasLatinLetter(last), "no control for a name with letters")
            }
        }
        #expect(derived > Self.rounds / 2)
    }

    @Test func businessControlsMatchThePattern() {
        var rng = SplitMix64(seed: 12)
        var derived = 0
        for _ in 0..<Self.rounds {
            let name = Self.randomName(&rng)
            do {
                let control = try NameControl.business(name)
                derived += 1
                #expect(NameControl.matchesPattern(control.value, kind: .business), "\(control.value)")
                #expect(try NameControl(parsing: control.value, kind: .business) == control)
            } catch {
                let folded = LatinFolding.fold(name, keepingUnfoldable: false)
                #expect(!folded.contains { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "&" || $0 == "-") })
            }
        }
        #expect(derived > Self.rounds / 2)
    }

    /// Matching is reflexive for names with a letter, and insensitive to case and extra blanks.
    @Test func matchingIgnoresCaseAndBlanks() {
        var rng = SplitMix64(seed: 13)
        for _ in 0..<Self.rounds {
            let first = Self.randomName(&rng), last = Self.randomName(&rng)
            guard !LatinFolding.normalizedForMatching(last).isEmpty else { continue }
            let a = PersonName(first: first, last: last)
            let spaced = last.lowercased().split(separator: " ", omittingEmptySubsequences: false).joined(separator: "  ")
            let b = PersonName(first: " " + first.uppercased() + " ", last: spaced)
            #expect(a.matches(a))
            #expect(a.matches(b) && b.matches(a))
        }
    }
}
