import Foundation
import SordCore

/// Reads and writes the reference data (Master File, CAF, e-File application) in one open store
/// session, so a rule reads and a decision writes inside the caller's own transaction.
///
/// Keys: TINs are stored dashed and canonical (`400-01-2345`, `12-3456789`); CAF numbers by their
/// nine digits (the suffix letter is kept beside them, so `0312-34567` and `0312-34567R` name the
/// same record); EFINs as six digits.
public struct ReferenceData {
    /// The session this reads and writes.
    public let db: any SQLSession
    let decoder = JSONDecoder()

    /// Works on `db`; use it only inside the transaction that handed out `db`.
    public init(_ db: any SQLSession) {
        self.db = db
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
}

extension CAFNumber {
    /// The nine digits, zero-padded: the CAF table's key.
    var storageKey: String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }
}

/// The storage key of a CAF number written as text, or nil when it is not one.
func cafKey(_ text: String) -> String? {
    (try? CAFNumber(parsing: text))?.storageKey
}

/// Name columns in the order `first_name, middle_name, last_name, name_suffix, business_name`.
func nameColumns(_ name: RecordName) -> [SQLValue] {
    switch name {
    case let .person(first, middle, last, suffix): [first.sqlValue, middle.sqlValue, last.sqlValue, suffix.sqlValue, .null]
    case let .business(business): [.null, .null, .null, .null, business.sqlValue]
    }
}

/// A name from the five name columns starting at `at` (`nameColumns` order).
func recordName(_ row: SQLRow, at index: Int) -> RecordName {
    if let business = row.optionalString(index + 4) {
        return .business(business)
    }
    return .person(first: row.string(index), middle: row.optionalString(index + 1),
                   last: row.string(index + 2), suffix: row.optionalString(index + 3))
}

/// An address from the `street, city, state, zip, country` columns starting at `at` (country nil
/// when `US`).
func recordAddress(_ row: SQLRow, at index: Int) -> RecordAddress {
    let country = row.string(index + 4)
    return RecordAddress(street: row.string(index), city: row.string(index + 1), state: row.string(index + 2),
                         zip: row.string(index + 3), country: country == "US" ? nil : country)
}
