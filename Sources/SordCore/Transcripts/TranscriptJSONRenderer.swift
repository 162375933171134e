import Foundation

/// Writes a transcript as JSON (`format: "json"`): the same content as the text layout, keys sorted,
/// amounts as decimal strings, dates `YYYY-MM-DD`, with `"type": "transcript"`.
public enum TranscriptJSONRenderer {
    private struct Envelope: Encodable {
        let type = "transcript"
        let transcript: Transcript

        func encode(to encoder: any Encoder) throws {
            try transcript.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(type, forKey: Key(stringValue: "type"))
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The transcript as pretty-printed JSON.
    public static func render(_ transcript: Transcript) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Envelope(transcript: transcript))
    }
}
