/// A coding key for any string, used to list every key a JSON object really has.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws when the object being decoded has a key outside `allowed`, so a misspelt field in
    /// reference data is refused rather than silently dropped.
    func rejectUnknownKeys(allowed: Set<String>) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key],
                debugDescription: "unknown field \"\(key.stringValue)\""))
        }
    }
}
