/// Reads the fields of one JSON object strictly: duplicate keys, missing required fields, wrong types
/// and (through `finish`) unknown fields are all reported as `SUB-005` with their JSON path.
///
/// A field whose value is `null` counts as absent: optional fields take their default, required
/// ones are reported missing. Objects in documents are small, so fields are looked up by a linear
/// scan, which is faster than hashing at this size.
final class ObjectReader {
    /// The JSON path of this object, e.g. `$.representatives[0]`.
    let path: SchemaPath
    private let problems: SchemaProblems
    private let members: [JSONMember]
    /// Per member: read by the decoder (or a reported duplicate), so not unknown.
    private var consumed: [Bool]
    private var finished = false

    init(members: [JSONMember], path: SchemaPath, problems: SchemaProblems) {
        self.path = path
        self.problems = problems
        self.members = members
        self.consumed = Array(repeating: false, count: members.count)
        for index in duplicatePositions() {
            problems.report("duplicate field", at: path.appending(key: members[index].key))
            consumed[index] = true
        }
    }

    /// Positions of keys that occurred earlier in the object: pairwise for small objects, hashed
    /// for large ones so a hostile object cannot cost quadratic time.
    private func duplicatePositions() -> [Int] {
        var duplicates: [Int] = []
        if members.count <= 16 {
            for index in members.indices {
                for earlier in 0..<index where members[earlier].key == members[index].key {
                    duplicates.append(index)
                    break
                }
            }
        } else {
            var seen: Set<String> = []
            for index in members.indices where !seen.insert(members[index].key).inserted {
                duplicates.append(index)
            }
        }
        return duplicates
    }

    private func position(of key: String) -> Int? {
        var index = 0
        while index < members.count {
            if members[index].key == key { return index }
            index += 1
        }
        return nil
    }

    /// The field's value when present and not `null`, marking the field as read.
    private func take(_ key: String) -> JSONValue? {
        guard let index = position(of: key) else { return nil }
        consumed[index] = true
        if case .null = members[index].value { return nil }
        return members[index].value
    }

    /// Whether the field is present with a value other than `null`.
    func has(_ key: String) -> Bool {
        guard let index = position(of: key) else { return false }
        if case .null = members[index].value { return false }
        return true
    }

    /// Marks a field as read elsewhere (e.g. `type`, which picks the decoder).
    func skip(_ key: String) {
        _ = take(key)
    }

    /// A field that must be present; its absence is reported.
    func required<T>(_ key: String, _ decoder: ValueDecoder<T>) -> T? {
        guard let value = take(key) else {
            problems.report("missing required field \"\(key)\"", at: path.appending(key: key))
            return nil
        }
        return decoder.decode(value, path.appending(key: key), problems)
    }

    /// A field that may be absent (or `null`); nil then. A wrong value is reported and also gives nil.
    func optional<T>(_ key: String, _ decoder: ValueDecoder<T>) -> T? {
        guard let value = take(key) else { return nil }
        return decoder.decode(value, path.appending(key: key), problems)
    }

    /// A field that may be absent, taking `defaultValue` then (and after a reported wrong value).
    func optional<T>(_ key: String, _ decoder: ValueDecoder<T>, default defaultValue: T) -> T {
        optional(key, decoder) ?? defaultValue
    }

    /// Reports a problem with the field `key` (present or not), e.g. a field this shape does not take.
    func report(_ message: String, key: String) {
        problems.report(message, at: path.appending(key: key))
    }

    /// Reports a problem with the object as a whole.
    func report(_ message: String) {
        problems.report(message, at: path)
    }

    /// Reports every field not read, in document order. Only the first call reports.
    func finish(unknownFieldMessage: String = "unknown field") {
        guard !finished else { return }
        finished = true
        for index in members.indices where !consumed[index] {
            problems.report(unknownFieldMessage, at: path.appending(key: members[index].key))
        }
    }
}
