import Foundation

/// One value crossing the store seam, in the four storage classes both stores share: SQL NULL, a
/// 64-bit integer (also booleans, as 0 and 1), text (also money, dates, ids) and bytes.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case text(String)
    case blob([UInt8])
}

/// A Swift value that can be bound to a statement parameter.
public protocol SQLBindable {
    /// The value as bound.
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable {
    public var sqlValue: SQLValue { .text(self) }
}

extension Substring: SQLBindable {
    public var sqlValue: SQLValue { .text(String(self)) }
}

extension Int: SQLBindable {
    public var sqlValue: SQLValue { .int(Int64(self)) }
}

extension Int64: SQLBindable {
    public var sqlValue: SQLValue { .int(self) }
}

extension Bool: SQLBindable {
    public var sqlValue: SQLValue { .int(self ? 1 : 0) }
}

extension Data: SQLBindable {
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
}

extension Array: SQLBindable where Element == UInt8 {
    public var sqlValue: SQLValue { .blob(self) }
}

extension SQLValue: SQLBindable {
    public var sqlValue: SQLValue { self }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One result row, read by column position (the order of the SELECT list). A value of the wrong
/// storage class reads as the type's empty value; the store's own schema makes that a bug, never
/// user input.
public struct SQLRow: Sendable {
    /// The values, in SELECT order.
    public let values: [SQLValue]

    public init(_ values: [SQLValue]) {
        self.values = values
    }

    /// Text at `index`; nil for NULL.
    public func optionalString(_ index: Int) -> String? {
        switch values[index] {
        case .text(let text): text
        case .int(let number): String(number)
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        case .null: nil
        }
    }

    /// Text at `index` ("" for NULL).
    public func string(_ index: Int) -> String {
        optionalString(index) ?? ""
    }

    /// Integer at `index`; nil for NULL.
    public func optionalInt(_ index: Int) -> Int? {
        switch values[index] {
        case .int(let number): Int(number)
        case .text(let text): Int(text)
        default: nil
        }
    }

    /// Integer at `index` (0 for NULL).
    public func int(_ index: Int) -> Int {
        optionalInt(index) ?? 0
    }

    /// Boolean stored as 0/1 at `index`.
    public func bool(_ index: Int) -> Bool {
        int(index) != 0
    }

    /// Bytes at `index`; nil for NULL.
    public func optionalBytes(_ index: Int) -> [UInt8]? {
        switch values[index] {
        case .blob(let bytes): bytes
        case .text(let text): Array(text.utf8)
        default: nil
        }
    }
}
