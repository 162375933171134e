/// One JSON object of a reference-data line, read field by field: unknown and repeated field names
/// are refused, each value's type is checked, and every problem names the field by JSON path
/// (`$.incomeDocuments[0].payer.tin`) without repeating the value, so it is safe to log.
///
/// A field that is absent or `null` counts as absent for the optional accessors; the required ones
/// say "missing field" or "null where … is needed".
struct RecordFields {
    private let members: [JSONMember]
    /// The JSON path of this object, `$` for the line itself.
    let path: String

    /// The object `value` at `path`, whose field names must all be in `allowed`.
    init(_ value: JSONValue, path: String, allowed: [String]) throws(Problem) {
        guard case .object(let members) = value else {
            throw Self.wrongType(value, expected: "an object", path: path)
        }
        for (i, member) in members.enumerated() {
            guard allowed.contains(member.key) else {
                throw Problem(.sub005, "unknown field \"\(member.key)\"", path: path + "." + member.key)
            }
            for earlier in members[..<i] where earlier.key == member.key {
                throw Problem(.sub005, "duplicate field \"\(member.key)\"", path: path + "." + member.key)
            }
        }
        self.members = members
        self.path = path
    }

    /// The first value named `key` (before the allowed-field check; used to read `"record"`).
    static func first(_ key: String, in value: JSONValue) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// True when the object has the field, even as `null`.
    func has(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    /// The field's value, nil when absent or `null`.
    func optional(_ key: String) -> JSONValue? {
        for member in members where member.key == key {
            if case .null = member.value { return nil }
            return member.value
        }
        return nil
    }

    /// The field's value; a problem when it is absent or `null`.
    func required(_ key: String, _ expected: String) throws(Problem) -> JSONValue {
        for member in members where member.key == key {
            if case .null = member.value {
                throw Problem(.sub005, "null where \(expected) is needed", path: path + "." + key)
            }
            return member.value
        }
        throw Problem(.sub005, "missing field \"\(key)\"", path: path + "." + key)
    }

    func string(_ key: String) throws(Problem) -> String {
        try Self.string(try required(key, "a string"), path: path + "." + key)
    }

    func optionalString(_ key: String) throws(Problem) -> String? {
        guard let value = optional(key) else { return nil }
        return try Self.string(value, path: path + "." + key)
    }

    func optionalBool(_ key: String) throws(Problem) -> Bool? {
        guard let value = optional(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw Self.wrongType(value, expected: "true or false", path: path + "." + key)
        }
        return flag
    }

    func optionalInt(_ key: String) throws(Problem) -> Int? {
        guard let value = optional(key) else { return nil }
        guard case .number(let text) = value, let number = Int(text) else {
            throw Self.wrongType(value, expected: "a whole number", path: path + "." + key)
        }
        return number
    }

    func money(_ key: String) throws(Problem) -> Money {
        try Self.money(try required(key, "an amount"), path: path + "." + key)
    }

    func optionalMoney(_ key: String) throws(Problem) -> Money? {
        guard let value = optional(key) else { return nil }
        return try Self.money(value, path: path + "." + key)
    }

    /// A string field holding one of `Value`'s raw values.
    func choice<Value: RawRepresentable & CaseIterable>(_ key: String, _ type: Value.Type) throws(Problem) -> Value
    where Value.RawValue == String {
        try Self.choice(try required(key, "a string"), path: path + "." + key)
    }

    func optionalChoice<Value: RawRepresentable & CaseIterable>(_ key: String, _ type: Value.Type) throws(Problem) -> Value?
    where Value.RawValue == String {
        guard let value = optional(key) else { return nil }
        return try Self.choice(value, path: path + "." + key)
    }

    /// A required nested object with its own allowed fields.
    func object(_ key: String, allowed: [String]) throws(Problem) -> RecordFields {
        try RecordFields(try required(key, "an object"), path: path + "." + key, allowed: allowed)
    }

    /// An optional nested object with its own allowed fields.
    func optionalObject(_ key: String, allowed: [String]) throws(Problem) -> RecordFields? {
        guard let value = optional(key) else { return nil }
        return try RecordFields(value, path: path + "." + key, allowed: allowed)
    }

    /// A required array, each element read by `element` with its path (`$.matters[0]`), made on demand.
    func array<T>(_ key: String, _ element: (JSONValue, () -> String) throws(Problem) -> T) throws(Problem) -> [T] {
        try Self.array(try required(key, "an array"), path: path + "." + key, element)
    }

    /// An optional array; absent or `null` is nil.
    func optionalArray<T>(_ key: String, _ element: (JSONValue, () -> String) throws(Problem) -> T) throws(Problem) -> [T]? {
        guard let value = optional(key) else { return nil }
        return try Self.array(value, path: path + "." + key, element)
    }

    /// Every member of a required object of amounts (`{"wages": "52000.00"}`), keyed by name.
    func amounts(_ key: String) throws(Problem) -> [String: Money] {
        let value = try required(key, "an object")
        guard case .object(let members) = value else {
            throw Self.wrongType(value, expected: "an object", path: path + "." + key)
        }
        var amounts: [String: Money] = [:]
        amounts.reserveCapacity(members.count)
        for member in members {
            let amount = try Self.money(member.value, path: path + "." + key + "." + member.key)
            guard amounts.updateValue(amount, forKey: member.key) == nil else {
                throw Problem(.sub005, "duplicate field \"\(member.key)\"", path: path + "." + key + "." + member.key)
            }
        }
        return amounts
    }

    // MARK: Values

    static func string(_ value: JSONValue, path: @autoclosure () -> String) throws(Problem) -> String {
        guard case .string(let text) = value else {
            throw wrongType(value, expected: "a string", path: path())
        }
        return text
    }

    static func money(_ value: JSONValue, path: @autoclosure () -> String) throws(Problem) -> Money {
        let text = try string(value, path: path())
        guard let money = Money(text) else {
            throw Problem(.sub005, "not a decimal amount like \"-1234.50\"", path: path())
        }
        return money
    }

    static func choice<Value: RawRepresentable & CaseIterable>(_ value: JSONValue, path: @autoclosure () -> String) throws(Problem) -> Value
    where Value.RawValue == String {
        guard let choice = Value(rawValue: try string(value, path: path())) else {
            let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(.sub005, "must be one of \(names)", path: path())
        }
        return choice
    }

    static func array<T>(_ value: JSONValue, path: String,
                         _ element: (JSONValue, () -> String) throws(Problem) -> T) throws(Problem) -> [T] {
        guard case .array(let values) = value else {
            throw wrongType(value, expected: "an array", path: path)
        }
        var out: [T] = []
        out.reserveCapacity(values.count)
        for (i, value) in values.enumerated() {
            out.append(try element(value, { path + "[\(i)]" }))
        }
        return out
    }

    /// "wrong type, expected …" for a value, or "null where … is needed" for `null`.
    static func wrongType(_ value: JSONValue, expected: String, path: @autoclosure () -> String) -> Problem {
        if case .null = value {
            return Problem(.sub005, "null where \(expected) is needed", path: path())
        }
        return Problem(.sub005, "wrong type, expected \(expected)", path: path())
    }
}
