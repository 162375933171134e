/// Reference records and their parts as canonical JSON text, written by hand (no `JSONEncoder`):
/// compact, keys in UTF-8 byte order, absent optionals left out, amounts as decimal strings, and
/// only `"`, `\` and control characters escaped (`\b \t \n \f \r`, else `\u00XX`).
///
/// This is byte for byte what `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes
/// for the Codable forms (tests check it), so the same record is always the same bytes: the
/// generator's files and the database's JSON columns (`return_json`, `transactions_json`,
/// `income_documents_json`, `matters_json`) stay deterministic and readable by the Codable decoders.
public enum ReferenceJSON {
    /// The record as one JSON Lines line (`{"record": …}`), without the newline.
    public static func line(_ record: ReferenceRecord) -> String {
        var w = JSONTextWriter()
        switch record {
        case .entity(let r): w.entity(r)
        case .module(let r): w.module(r)
        case .representative(let r): w.representative(r)
        case .cafAuthorization(let r): w.authorization(r)
        case .efileUser(let r): w.efileUser(r)
        }
        return w.text
    }

    /// The `return` block of a module.
    public static func text(_ info: ReturnInfo) -> String {
        var w = JSONTextWriter()
        w.returnInfo(info)
        return w.text
    }

    /// A module's transactions.
    public static func text(_ transactions: [AccountTransaction]) -> String {
        var w = JSONTextWriter()
        w.array(transactions) { $0.transaction($1) }
        return w.text
    }

    /// A module's wage & income documents.
    public static func text(_ documents: [IncomeDocument]) -> String {
        var w = JSONTextWriter()
        w.array(documents) { $0.incomeDocument($1) }
        return w.text
    }

    /// An authorization's matters.
    public static func text(_ matters: [Matter]) -> String {
        var w = JSONTextWriter()
        w.array(matters) { $0.matter($1) }
        return w.text
    }
}

/// Appends JSON to a byte buffer. Each object method writes its keys already sorted.
private struct JSONTextWriter {
    var bytes: [UInt8] = []
    /// Whether the object being written needs a comma before its next member.
    private var needsComma = false

    init() {
        bytes.reserveCapacity(512)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Records (keys in byte order)

    mutating func entity(_ r: EntityRecord) {
        open()
        member("address") { $0.address(r.address) }
        member("name") { $0.name(r.name) }
        member("record", "entity")
        member("tin", r.tin)
        close()
    }

    mutating func module(_ r: TaxModuleRecord) {
        open()
        member("accruedInterest", r.accruedInterest.description)
        member("accruedPenalty", r.accruedPenalty.description)
        member("balance", r.balance.description)
        member("form", r.form)
        member("incomeDocuments") { $0.array(r.incomeDocuments) { $0.incomeDocument($1) } }
        member("period", r.period)
        member("record", "module")
        if let info = r.returnInfo { member("return") { $0.returnInfo(info) } }
        member("tin", r.tin)
        member("transactions") { $0.array(r.transactions) { $0.transaction($1) } }
        close()
    }

    mutating func representative(_ r: RepresentativeRecord) {
        open()
        member("address") { $0.address(r.address) }
        member("caf", r.caf)
        member("name") { $0.name(r.name) }
        member("practiceCode", r.practiceCode)
        member("ptin", r.ptin)
        member("record", "representative")
        member("tin", r.tin)
        close()
    }

    mutating func authorization(_ r: CAFAuthorizationRecord) {
        open()
        member("caf", r.caf)
        member("designation", r.designation)
        member("form", r.form.rawValue)
        member("id", r.id)
        member("matters") { $0.array(r.matters) { $0.matter($1) } }
        member("receiveNotices") { $0.raw(r.receiveNotices ? "true" : "false") }
        member("record", "cafAuthorization")
        member("recordedOn", r.recordedOn)
        member("revokedBy", r.revokedBy)
        member("revokedOn", r.revokedOn)
        member("status", r.status.rawValue)
        member("tin", r.tin)
        close()
    }

    mutating func efileUser(_ r: EFileUserRecord) {
        open()
        member("efin", r.efin)
        member("firm", r.firm)
        member("name") { $0.name(r.name) }
        member("record", "efileUser")
        member("role", r.role.rawValue)
        member("tds") { $0.raw(r.tds ? "true" : "false") }
        member("user", r.user)
        close()
    }

    // MARK: Parts

    mutating func name(_ name: RecordName) {
        open()
        switch name {
        case let .person(first, middle, last, suffix):
            member("first", first)
            member("last", last)
            member("middle", middle)
            member("suffix", suffix)
        case .business(let business):
            member("business", business)
        }
        close()
    }

    mutating func address(_ a: RecordAddress) {
        open()
        member("city", a.city)
        member("country", a.country)
        member("state", a.state)
        member("street", a.street)
        member("zip", a.zip)
        close()
    }

    mutating func returnInfo(_ r: ReturnInfo) {
        open()
        member("agi", r.agi?.description)
        member("dueOn", r.dueOn)
        if let exemptions = r.exemptions { member("exemptions") { $0.raw(String(exemptions)) } }
        member("filingStatus", r.filingStatus)
        member("processedOn", r.processedOn)
        member("receivedOn", r.receivedOn)
        member("seIncome", r.seIncome?.description)
        member("seTax", r.seTax?.description)
        member("taxPerReturn", r.taxPerReturn?.description)
        member("taxableIncome", r.taxableIncome?.description)
        close()
    }

    mutating func transaction(_ t: AccountTransaction) {
        open()
        member("actionCode", t.actionCode)
        member("amount", t.amount.description)
        member("code", t.code)
        member("cycle", t.cycle)
        member("date", t.date)
        close()
    }

    mutating func incomeDocument(_ d: IncomeDocument) {
        open()
        member("accountNumber", d.accountNumber)
        member("amounts") { w in
            w.open()
            for (box, amount) in d.amounts.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                w.member(box, amount.description)
            }
            w.close()
        }
        member("form", d.form)
        member("payer") { w in
            w.open()
            if let address = d.payer.address { w.member("address") { $0.address(address) } }
            w.member("name") { $0.name(d.payer.name) }
            w.member("tin", d.payer.tin)
            w.close()
        }
        close()
    }

    mutating func matter(_ m: Matter) {
        open()
        member("description", m.description)
        member("form", m.form)
        member("periods") { $0.array(m.periods) { $0.string($1) } }
        close()
    }

    // MARK: Syntax

    mutating func array<T>(_ items: [T], _ element: (inout JSONTextWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    private mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `"key":` followed by whatever `value` writes.
    private mutating func member(_ key: String, _ value: (inout JSONTextWriter) -> Void) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
        value(&self)
        needsComma = true
    }

    /// A string member; nothing when `value` is nil.
    private mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        member(key) { $0.string(value) }
    }

    private mutating func raw(_ literal: String) {
        bytes.append(contentsOf: literal.utf8)
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(byte)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
