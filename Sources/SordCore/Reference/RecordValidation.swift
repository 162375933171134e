/// Checks one reference record with the SordCore parsers (TIN, CAF, PTIN, EFIN, state, ZIP, dates,
/// periods, names) and rewrites its identifiers in canonical form. Problems name the field by JSON
/// path and never repeat the rejected value, so they are safe to print and log.
public enum RecordValidation {
    /// The record in canonical form, or every problem found in it.
    public static func validate(_ record: ReferenceRecord) -> Result<ReferenceRecord, RecordProblems> {
        var check = Checker()
        let canonical: ReferenceRecord
        switch record {
        case .entity(var r):
            r.tin = check.tin(r.tin, "$.tin")
            check.name(r.name, "$.name")
            if let tin = try? TIN(parsing: r.tin), tin.isIndividual, r.name.isBusiness {
                check.fail(.sub005, "an individual's TIN (SSN or ITIN) needs a person's name", "$.name")
            }
            r.address = check.address(r.address, "$.address")
            canonical = .entity(r)
        case .module(var r):
            r.tin = check.tin(r.tin, "$.tin")
            check.text(r.form, "$.form", maxLength: 32)
            r.period = check.period(r.period, "$.period")
            if let info = r.returnInfo {
                for (field, value) in info.dates { _ = check.day(value, "$.return.\(field)") }
            }
            for (i, t) in r.transactions.enumerated() {
                if t.code.utf8.count != 3 || !t.code.utf8.allSatisfy(Self.isDigit) {
                    check.fail(.sub005, "a transaction code is 3 digits", "$.transactions[\(i)].code")
                }
                _ = check.day(t.date, "$.transactions[\(i)].date")
                if let cycle = t.cycle, cycle.utf8.count != 8 || !cycle.utf8.allSatisfy(Self.isDigit) {
                    check.fail(.sub005, "a cycle is 8 digits (YYYYCCDD)", "$.transactions[\(i)].cycle")
                }
                if let action = t.actionCode, action.utf8.count != 3 || !action.utf8.allSatisfy(Self.isDigit) {
                    check.fail(.sub005, "an action code is 3 digits", "$.transactions[\(i)].actionCode")
                }
            }
            for (i, d) in r.incomeDocuments.enumerated() {
                check.text(d.form, "$.incomeDocuments[\(i)].form", maxLength: 32)
                r.incomeDocuments[i].payer.tin = check.tin(d.payer.tin, "$.incomeDocuments[\(i)].payer.tin")
                check.name(d.payer.name, "$.incomeDocuments[\(i)].payer.name")
                if let address = d.payer.address {
                    r.incomeDocuments[i].payer.address = check.address(address, "$.incomeDocuments[\(i)].payer.address")
                }
            }
            canonical = .module(r)
        case .representative(var r):
            r.caf = check.caf(r.caf, "$.caf")
            check.name(r.name, "$.name")
            if let tin = r.tin { r.tin = check.tin(tin, "$.tin") }
            if let ptin = r.ptin { r.ptin = check.ptin(ptin, "$.ptin") }
            r.address = check.address(r.address, "$.address")
            if !(r.practiceCode.isEmpty || (r.practiceCode.utf8.count == 1 && r.practiceCode.allSatisfy(\.isASCIIUppercase))) {
                check.fail(.sub005, "a practice code is blank or one capital letter", "$.practiceCode")
            }
            canonical = .representative(r)
        case .cafAuthorization(var r):
            check.text(r.id, "$.id", maxLength: 64)
            r.tin = check.tin(r.tin, "$.tin")
            r.caf = check.caf(r.caf, "$.caf")
            if r.matters.isEmpty { check.fail(.auth008, "an authorization covers at least one matter", "$.matters") }
            for (i, m) in r.matters.enumerated() {
                check.text(m.form, "$.matters[\(i)].form", maxLength: 32)
                if m.periods.isEmpty { check.fail(.auth008, "a matter lists at least one period", "$.matters[\(i)].periods") }
                for (j, p) in m.periods.enumerated() {
                    r.matters[i].periods[j] = check.period(p, "$.matters[\(i)].periods[\(j)]")
                }
            }
            if let d = r.designation {
                if r.form == .tia8821 {
                    check.fail(.auth015, "an 8821 has no designation", "$.designation")
                } else if !Self.designations.contains(d) {
                    check.fail(.auth013, "a designation is one of a, b, c, d, e, f, g, h, k, r", "$.designation")
                }
            }
            _ = check.day(r.recordedOn, "$.recordedOn")
            if let revokedOn = r.revokedOn {
                _ = check.day(revokedOn, "$.revokedOn")
                if r.status == .active { check.fail(.sub005, "an active authorization has no revokedOn", "$.revokedOn") }
            }
            if r.revokedBy != nil, r.status != .revoked {
                check.fail(.sub005, "only a revoked authorization names revokedBy", "$.revokedBy")
            }
            canonical = .cafAuthorization(r)
        case .efileUser(var r):
            r.efin = check.efin(r.efin, "$.efin")
            check.text(r.firm, "$.firm", maxLength: 200)
            if UserID(r.user) == nil {
                check.fail(.sub005, "a user id matches ^[a-z][a-z0-9._-]{2,31}$", "$.user")
            }
            check.name(r.name, "$.name")
            if r.name.isBusiness { check.fail(.sub005, "an e-File user is a person", "$.name") }
            canonical = .efileUser(r)
        }
        return check.problems.isEmpty ? .success(canonical) : .failure(RecordProblems(problems: check.problems))
    }

    /// An ASCII digit byte: a text of n bytes that are all digits is n ASCII digit characters.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The 2848 designations (line 2 of the form's part II).
    static let designations: Set<String> = ["a", "b", "c", "d", "e", "f", "g", "h", "k", "r"]
}

/// Every problem found in one record.
public struct RecordProblems: Error, Hashable, Sendable {
    public let problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }
}

/// Collects problems while checking fields; each check returns the canonical text (or the input
/// unchanged when it is invalid).
private struct Checker {
    var problems: [Problem] = []

    mutating func fail(_ reason: ReasonCode, _ message: String, _ path: String) {
        problems.append(Problem(reason, message, path: path))
    }

    mutating func tin(_ text: String, _ path: String) -> String {
        do { return try TIN(parsing: text).description } catch {
            fail(error.reasonCode, error.description, path)
            return text
        }
    }

    mutating func caf(_ text: String, _ path: String) -> String {
        do { return try CAFNumber(parsing: text).description } catch {
            fail(error.reasonCode, error.description, path)
            return text
        }
    }

    mutating func ptin(_ text: String, _ path: String) -> String {
        do { return try PTIN(parsing: text).description } catch {
            fail(error.reasonCode, error.description, path)
            return text
        }
    }

    mutating func efin(_ text: String, _ path: String) -> String {
        do { return try EFIN(parsing: text).description } catch {
            fail(error.reasonCode, error.description, path)
            return text
        }
    }

    mutating func day(_ text: String, _ path: String) -> String {
        do { return try Day(parsing: text).description } catch {
            fail(error.reasonCode, error.description, path)
            return text
        }
    }

    mutating func period(_ text: String, _ path: String) -> String {
        do { return try TaxPeriod(parsing: text).description } catch {
            fail(error.reasonCode, error.description, path)
            return text
        }
    }

    mutating func text(_ value: String, _ path: String, maxLength: Int) {
        // Fast paths: a first byte that is visible ASCII is not blank, and a text of at most
        // `maxLength` UTF-8 bytes has at most as many characters.
        let utf8 = value.utf8
        let blank = utf8.first.map { $0 > 0x20 && $0 < 0x7F } == true ? false : value.allSatisfy(\.isWhitespace)
        if blank || (utf8.count > maxLength && value.count > maxLength) {
            fail(.sub005, "must be 1 to \(maxLength) characters, not blank", path)
        }
    }

    mutating func name(_ name: RecordName, _ path: String) {
        let before = problems.count
        switch name {
        case let .person(first, middle, last, suffix):
            text(first, path + ".first", maxLength: 64)
            text(last, path + ".last", maxLength: 64)
            if let middle { text(middle, path + ".middle", maxLength: 64) }
            if let suffix { text(suffix, path + ".suffix", maxLength: 16) }
        case let .business(business):
            text(business, path + ".business", maxLength: 200)
        }
        if problems.count == before, !Self.hasNameControl(name) {
            fail(.sub005, "the name has no letters or digits to make a name control from", path)
        }
    }

    /// Whether a name control can be made from `name`, without making it when the name is ASCII:
    /// then `NameControl` needs a letter in a person's last name, and a letter, digit, `&` or `-`
    /// in a business name (a leading "The" is only dropped when other words follow).
    static func hasNameControl(_ name: RecordName) -> Bool {
        let text: String
        let significant: (UInt8) -> Bool
        switch name {
        case .person(_, _, let last, _):
            text = last
            significant = { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        case .business(let business):
            text = business
            significant = {
                (($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z"))
                    || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "-")
            }
        }
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return name.nameControl != nil }
        return text.utf8.contains(where: significant)
    }

    mutating func address(_ address: RecordAddress, _ path: String) -> RecordAddress {
        var out = address
        text(address.street, path + ".street", maxLength: 128)
        text(address.city, path + ".city", maxLength: 64)
        let domestic = address.country == nil || address.country == "US"
        if let country = address.country,
           country.utf8.count != 2 || !country.allSatisfy(\.isASCIIUppercase) {
            fail(.id005, "a country is a two-letter ISO code", path + ".country")
        }
        if domestic {
            do { out.state = try USState(parsing: address.state).rawValue } catch {
                fail(error.reasonCode, error.description, path + ".state")
            }
            do { out.zip = try ZIPCode(parsing: address.zip).description } catch {
                fail(error.reasonCode, error.description, path + ".zip")
            }
        }
        return out
    }
}

private extension Character {
    var isASCIIUppercase: Bool { isASCII && isUppercase }
}
