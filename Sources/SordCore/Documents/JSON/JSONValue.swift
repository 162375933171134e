/// A parsed JSON value, kept exactly as written: numbers stay as their source text and object members
/// keep their order and any duplicate keys, so the schema layer can report duplicates with their path.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text (`-12.5e3`), validated against the JSON grammar but not converted.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; a key may occur more than once (the schema layer rejects that).
    case object([JSONMember])

    /// The kind of value in words, for messages such as "must be a string, found a number".
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Parses UTF-8 JSON text (RFC 8259), nesting at most `JSONParser.maxDepth` levels deep.
    /// A leading UTF-8 byte order mark is skipped.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var parser = JSONParser(buffer)
            return try parser.parseDocument()
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public let key: String
    public let value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
