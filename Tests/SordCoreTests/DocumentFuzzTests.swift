import Testing
@testable import SordCore

/// Mutated documents must always give an outcome (never trap), and a rejection always names a
/// SUB code. Deterministic: a fixed-seed generator, so a failure can be replayed.
@Suite("Document parser under mutation")
struct DocumentFuzzTests {
    /// A small xorshift generator; the seed is fixed per test case.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    static let interesting: [UInt8] = Array("{}[],:\"\\ \n\r0-1eE.tfnu,\"\"".utf8) + [0x00, 0x7F, 0xC3, 0xA9, 0xED, 0xFF]

    static func mutate(_ bytes: [UInt8], _ generator: inout Generator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<(1 + generator.next(4)) where !bytes.isEmpty {
            let position = generator.next(bytes.count)
            switch generator.next(5) {
            case 0: bytes[position] = interesting[generator.next(interesting.count)]
            case 1: bytes.remove(at: position)
            case 2: bytes.insert(interesting[generator.next(interesting.count)], at: position)
            case 3: bytes.removeSubrange(position...)
            default:
                let end = min(bytes.count, position + 1 + generator.next(40))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return bytes
    }

    @Test("mutated inputs never trap", arguments: [
        (DocumentFixtures.authorization, "a.json"),
        (DocumentFixtures.transcriptRequest, "t.json"),
        (DocumentFixtures.delegation, "d.json"),
        (CSVTranscriptTests.header + "\n400-01-2345,\"TEAK\",account,1040,2024,1,true,text\n", "r.csv"),
    ])
    func mutations(text: String, fileName: String) {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15 ^ UInt64(text.utf8.count))
        let original = Array(text.utf8)
        var accepted = 0
        for _ in 0..<3_000 {
            let bytes = Self.mutate(original, &generator)
            switch DocumentParser.parse(bytes: bytes, fileName: fileName) {
            case .document:
                accepted += 1
            case .rejected(let problems):
                #expect(!problems.isEmpty)
                #expect(problems.allSatisfy { ["SUB-003", "SUB-004", "SUB-005"].contains($0.code) })
            }
        }
        #expect(accepted < 3_000)
    }
}
