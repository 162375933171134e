import SordCore

/// The changes decisions make to the CAF and the e-File application.
extension ReferenceData {
    /// Creates a representative under a new, unused CAF number (a form's `"None"`): first two digits
    /// from the IRS's issuing list, the rest from `generator`. Returns the record as stored, or nil
    /// when no free number was found.
    public func insertRepresentativeWithNewCAF(name: RecordName, tin: String?, ptin: String?, address: RecordAddress,
                                               using generator: inout some RandomNumberGenerator) throws -> RepresentativeRecord? {
        guard let caf = try CAFNumber.generate(using: &generator, isTaken: {
            try db.count("SELECT COUNT(*) FROM representative WHERE caf = ?", $0.storageKey) > 0
        }) else { return nil }
        let record = RepresentativeRecord(caf: caf.description, name: name, tin: tin, ptin: ptin, address: address)
        try upsert(record)
        return record
    }

    /// Records an authorization on the CAF with its coverage rows, noting the channel it came by
    /// (`upload` or `tax-pro-account`; the client list shows it).
    public func recordAuthorization(_ record: CAFAuthorizationRecord, channel: AuthorizationDocument.Channel) throws {
        try upsert(record)
        try db.execute("UPDATE caf_authorization SET channel = ? WHERE id = ?", channel.rawValue, record.id)
    }

    /// Marks active authorizations revoked on `day` by the authorization `revokedBy`; returns how
    /// many changed (ones no longer active are left alone).
    @discardableResult
    public func revokeAuthorizations(ids: [String], on day: Day, by revokedBy: String) throws -> Int {
        var changed = 0
        for id in ids {
            changed += try db.execute("""
                UPDATE caf_authorization SET status = 'revoked', revoked_on = ?, revoked_by = ?
                WHERE id = ? AND status = 'active'
                """, day.description, revokedBy, id)
        }
        return changed
    }

    /// Marks an active authorization withdrawn by its representative on `day`; false when it is
    /// unknown or not active.
    @discardableResult
    public func withdrawAuthorization(id: String, on day: Day) throws -> Bool {
        try db.execute("UPDATE caf_authorization SET status = 'withdrawn', revoked_on = ? WHERE id = ? AND status = 'active'",
                       day.description, id) > 0
    }

    /// Grants or revokes the TDS flag of a member of an e-File application; false when that user is
    /// not on the application.
    @discardableResult
    public func setEFileTDS(efin: EFIN, user: String, granted: Bool) throws -> Bool {
        try db.execute("UPDATE efile_user SET tds = ? WHERE efin = ? AND user_id = ?", granted, efin.description, user) > 0
    }
}
