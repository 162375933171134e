import Foundation
import GRDB
import SordCore

/// Reads and writes the reference data (Master File, CAF, e-File application) on one open GRDB
/// `Database`, so a rule reads and a decision writes inside the caller's own transaction.
///
/// Keys: TINs are stored dashed and canonical (`400-01-2345`, `12-3456789`); CAF numbers by their
/// nine digits (the suffix letter is kept beside them, so `0312-34567` and `0312-34567R` name the
/// same record); EFINs as six digits.
public struct ReferenceData {
    /// The database this reads and writes.
    public let db: Database
    let decoder = JSONDecoder()

    /// Works on `db`; use it only inside the access closure that handed out `db`.
    public init(_ db: Database) {
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

/// Name columns in the order `first, middle, last, suffix, business`.
func nameColumns(_ name: RecordName) -> [(any DatabaseValueConvertible)?] {
    switch name {
    case let .person(first, middle, last, suffix): [first, middle, last, suffix, nil]
    case let .business(business): [nil, nil, nil, nil, business]
    }
}

/// A name from the `first_name, middle_name, last_name, name_suffix, business_name` columns.
func recordName(_ row: Row) -> RecordName {
    if let business: String = row["business_name"] {
        return .business(business)
    }
    return .person(first: row["first_name"] ?? "", middle: row["middle_name"],
                   last: row["last_name"] ?? "", suffix: row["name_suffix"])
}

/// An address from the `street, city, state, zip, country` columns (country nil when `US`).
func recordAddress(_ row: Row) -> RecordAddress {
    let country: String = row["country"]
    return RecordAddress(street: row["street"], city: row["city"], state: row["state"], zip: row["zip"],
                         country: country == "US" ? nil : country)
}
