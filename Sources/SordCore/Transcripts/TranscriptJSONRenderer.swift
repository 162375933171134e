import Foundation

/// Writes a transcript as JSON (`format: "json"`): the same content as the text layout, keys sorted,
/// amounts as decimal strings, dates `YYYY-MM-DD`, with `"type": "transcript"` (see `PayloadJSON`).
public enum TranscriptJSONRenderer {
    /// The transcript as pretty-printed JSON.
    public static func render(_ transcript: Transcript) throws -> Data {
        try PayloadJSON.encode(type: "transcript", transcript)
    }
}
