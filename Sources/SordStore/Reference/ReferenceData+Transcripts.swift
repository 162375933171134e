import GRDB
import SordCore

/// Look-ups for TDS transcripts beyond those the rules share.
extension ReferenceData {
    /// Every tax module of this TIN, by period then form (the filings an entity transcript lists).
    public func modules(tin: TIN) throws -> [TaxModuleRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM tax_module WHERE tin = ? ORDER BY period, form"),
                         arguments: [tin.description]).map(module(_:))
    }
}
