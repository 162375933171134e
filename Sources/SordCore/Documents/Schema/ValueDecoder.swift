/// Decodes one JSON value found at a path into a `T`, reporting what is wrong instead of throwing.
/// The per-type decoders are built from these: `.string`, `.bool`, `.enumeration`, `.object { … }`,
/// `.array(of:)`.
struct ValueDecoder<T> {
    /// Returns the value, or nil after reporting at least one problem.
    let decode: (JSONValue, SchemaPath, SchemaProblems) -> T?
}

extension ValueDecoder where T == String {
    /// A JSON string; numbers are refused, so a TIN or a ZIP cannot lose its leading zeros.
    static var string: ValueDecoder<String> {
        ValueDecoder { value, path, problems in
            guard case .string(let text) = value else {
                problems.report("must be a string, found \(value.kindDescription)", at: path)
                return nil
            }
            return text
        }
    }

    /// A JSON string of at most `maxLength` characters.
    static func string(maxLength: Int) -> ValueDecoder<String> {
        ValueDecoder { value, path, problems in
            guard let text = string.decode(value, path, problems) else { return nil }
            guard text.count <= maxLength else {
                problems.report("must be at most \(maxLength) characters, found \(text.count)", at: path)
                return nil
            }
            return text
        }
    }
}

extension ValueDecoder where T == String {
    /// A JSON string of 1 to `maxLength` characters that is not only blanks (a message's subject
    /// or body).
    static func text(maxLength: Int) -> ValueDecoder<String> {
        ValueDecoder { value, path, problems in
            guard let text = string(maxLength: maxLength).decode(value, path, problems) else { return nil }
            guard !text.allSatisfy(\.isWhitespace) else {
                problems.report("must not be empty", at: path)
                return nil
            }
            return text
        }
    }
}

extension ValueDecoder where T == Int {
    /// A JSON number written as a whole number (no fraction, no exponent) of at most 9 digits; a
    /// string is refused.
    static var integer: ValueDecoder<Int> {
        ValueDecoder { value, path, problems in
            guard case .number(let literal) = value else {
                problems.report("must be a whole number, found \(value.kindDescription)", at: path)
                return nil
            }
            let negative = literal.hasPrefix("-")
            let digits = negative ? literal.dropFirst() : Substring(literal)
            guard (1...9).contains(digits.utf8.count), let magnitude = DigitText.value(digits, count: digits.utf8.count) else {
                problems.report("must be a whole number of at most 9 digits", at: path)
                return nil
            }
            return negative ? -magnitude : magnitude
        }
    }
}

extension ValueDecoder where T == Bool {
    /// A JSON `true` or `false`; the strings "true"/"false" are refused.
    static var bool: ValueDecoder<Bool> {
        ValueDecoder { value, path, problems in
            guard case .bool(let flag) = value else {
                problems.report("must be true or false, found \(value.kindDescription)", at: path)
                return nil
            }
            return flag
        }
    }
}

extension ValueDecoder where T: RawRepresentable & CaseIterable, T.RawValue == String {
    /// A JSON string that is exactly one of the enumeration's raw values (case-sensitive).
    static var enumeration: ValueDecoder<T> {
        ValueDecoder { value, path, problems in
            guard let text = ValueDecoder<String>.string.decode(value, path, problems) else { return nil }
            guard let result = T(rawValue: text) else {
                problems.report("must be one of \(T.allowedValuesDescription)", at: path)
                return nil
            }
            return result
        }
    }
}

extension ValueDecoder {
    /// A JSON object read field by field through an `ObjectReader`; fields the body did not read are
    /// reported as unknown afterwards.
    static func object(_ body: @escaping (ObjectReader) -> T?) -> ValueDecoder<T> {
        ValueDecoder { value, path, problems in
            guard case .object(let members) = value else {
                problems.report("must be an object, found \(value.kindDescription)", at: path)
                return nil
            }
            let reader = ObjectReader(members: members, path: path, problems: problems)
            let result = body(reader)
            reader.finish()
            return result
        }
    }

    /// A JSON array whose every element is decoded (all problems reported); with `nonEmpty` an
    /// empty array is a problem.
    static func array<Element>(of element: ValueDecoder<Element>, nonEmpty: Bool) -> ValueDecoder<[Element]>
    where T == [Element] {
        array(nonEmpty: nonEmpty) { _ in element }
    }

    /// Like `array(of:nonEmpty:)`, with the element decoder chosen by the element's index (so an
    /// element can remember where it came from).
    static func array<Element>(nonEmpty: Bool, element: @escaping (Int) -> ValueDecoder<Element>)
        -> ValueDecoder<[Element]> where T == [Element] {
        ValueDecoder<[Element]> { value, path, problems in
            guard case .array(let values) = value else {
                problems.report("must be an array, found \(value.kindDescription)", at: path)
                return nil
            }
            if nonEmpty && values.isEmpty {
                problems.report("must contain at least one entry", at: path)
                return nil
            }
            var decoded: [Element] = []
            decoded.reserveCapacity(values.count)
            var failed = false
            for (index, item) in values.enumerated() {
                if let result = element(index).decode(item, path.appending(index: index), problems) {
                    decoded.append(result)
                } else {
                    failed = true
                }
            }
            return failed ? nil : decoded
        }
    }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// `"a", "b" or "c"`: the accepted spellings, for messages.
    static var allowedValuesDescription: String {
        let quoted = allCases.map { "\"\($0.rawValue)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
    }
}
