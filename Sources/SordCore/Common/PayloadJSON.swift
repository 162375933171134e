import Foundation

/// The one way a mailbox payload is written as JSON: pretty-printed, keys sorted (so the same
/// content is always the same bytes), slashes unescaped, amounts as decimal strings (`Money`),
/// dates `YYYY-MM-DD`. Transcripts, reports and messages all go through it.
public enum PayloadJSON {
    /// `value` as JSON, with `"type": type` added to its top-level object (`"transcript"`,
    /// `"report"`, `"message"`). `value` must encode as a keyed container.
    public static func encode(type: String, _ value: some Encodable) throws -> Data {
        try encoder.encode(Typed(type: type, value: value))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private struct Typed<Value: Encodable>: Encodable {
        let type: String
        let value: Value

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
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
}
