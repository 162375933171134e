import SordCore
import Testing

@Suite struct ReferenceParsingTests {
    static let address = #""address":{"street":"1 A St","city":"X","state":"OR","zip":"97301"}"#
    static let entity = #"{"record":"entity","tin":"400-01-2345","name":{"first":"A","last":"B"},"# + address + "}"

    static func problem(_ line: String) -> Problem? {
        guard case .failure(let problems) = ReferenceRecord.parse(line: Array(line.utf8)) else { return nil }
        return problems.problems.first
    }

    @Test(arguments: [
        ("{not json", "SUB-003", nil, "not a valid JSON object in UTF-8 (expected a field name in double quotes at column 2)"),
        (#"{"record":"entity"} x"#, "SUB-003", nil, "not a valid JSON object in UTF-8 (unexpected content after the end of the document at column 21)"),
        ("[1,2]", "SUB-005", "$", "wrong type, expected an object"),
        (#"{"tin":"400-01-2345"}"#, "SUB-005", "$.record", "missing field \"record\""),
        (#"{"record":7}"#, "SUB-005", "$.record", "wrong type, expected a string"),
        (#"{"record":"gizmo"}"#, "SUB-005", "$.record",
         "unknown record \"gizmo\"; expected entity, module, representative, cafAuthorization or efileUser"),
        (#"{"record":"entity","tin":"400-01-2345"}"#, "SUB-005", "$.name", "missing field \"name\""),
        (#"{"record":"entity","tin":null,"name":{"first":"A","last":"B"},"# + address + "}", "SUB-005", "$.tin", "null where a string is needed"),
        (#"{"record":"entity","tin":"400-01-2345","name":{"first":"A","last":"B","nick":"C"},"# + address + "}",
         "SUB-005", "$.name.nick", "unknown field \"nick\""),
        (#"{"record":"entity","tin":"400-01-2345","tin":"400-01-2346","name":{"first":"A","last":"B"},"# + address + "}",
         "SUB-005", "$.tin", "duplicate field \"tin\""),
        (#"{"record":"entity","tin":"400-01-2345","name":{"business":"X","last":"B"},"# + address + "}",
         "SUB-005", "$.name.business", "a name is either a person or a business, not both"),
        // Online accounts are users (SPEC 2), not a Master File field: nothing in the data can set one.
        (#"{"record":"entity","tin":"400-01-2345","name":{"first":"A","last":"B"},"# + address + #","onlineAccount":true}"#,
         "SUB-005", "$.onlineAccount", "unknown field \"onlineAccount\""),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","balance":12.5}"#,
         "SUB-005", "$.balance", "wrong type, expected a string"),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","balance":"1e3"}"#,
         "SUB-005", "$.balance", "not a decimal amount like \"-1234.50\""),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","return":{"exemptions":1.5}}"#,
         "SUB-005", "$.return.exemptions", "wrong type, expected a whole number"),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","transactions":[{"code":"150","date":"2025-01-01"}]}"#,
         "SUB-005", "$.transactions[0].amount", "missing field \"amount\""),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","transactions":[{"code":"971","date":"2025-01-01","amount":"0.00","actionCode":63}]}"#,
         "SUB-005", "$.transactions[0].actionCode", "wrong type, expected a string"),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","transactions":{}}"#,
         "SUB-005", "$.transactions", "wrong type, expected an array"),
        (#"{"record":"module","tin":"400-01-2345","form":"1040","period":"2024","incomeDocuments":[{"form":"W-2","payer":{"name":{"business":"A"},"tin":"12-3456789"},"amounts":{"wages":"1.00","wages":"2.00"}}]}"#,
         "SUB-005", "$.incomeDocuments[0].amounts.wages", "duplicate field \"wages\""),
        (#"{"record":"cafAuthorization","id":"X","form":"2849","tin":"400-01-2345","caf":"0312-34567","matters":[],"recordedOn":"2025-01-01"}"#,
         "SUB-005", "$.form", "must be one of 2848, 8821"),
        (#"{"record":"cafAuthorization","id":"X","form":"2848","tin":"400-01-2345","caf":"0312-34567","matters":[{"description":"I","form":"1040","periods":[2024]}],"recordedOn":"2025-01-01"}"#,
         "SUB-005", "$.matters[0].periods[0]", "wrong type, expected a string"),
        (#"{"record":"efileUser","efin":"123456","firm":"F","user":"dana","role":"boss","name":{"first":"A","last":"B"}}"#,
         "SUB-005", "$.role", "must be one of principal, responsible-official, delegate"),
    ] as [(String, String, String?, String)])
    func shapeProblemsNameCodePathAndMessage(line: String, code: String, path: String?, message: String) throws {
        let problem = try #require(Self.problem(line))
        #expect(problem.code == code)
        #expect(problem.path == path)
        #expect(problem.message == message)
    }

    @Test func invalidUTF8IsSUB003() throws {
        var bytes = Array(Self.entity.utf8)
        bytes[30] = 0xC3
        bytes[31] = 0x28
        let problem = try #require({ () -> Problem? in
            guard case .failure(let p) = ReferenceRecord.parse(line: bytes) else { return nil }
            return p.problems.first
        }())
        #expect(problem.code == "SUB-003")
        #expect(problem.message == "not a valid JSON object in UTF-8 (invalid UTF-8 at byte 31)")
    }

    @Test func optionalFieldsMayBeNullOrAbsentAndValuesAreCanonicalised() throws {
        let line = #"{"record":"representative","caf":"0312-34567","tin":null,"ptin":null,"name":{"first":"A","middle":null,"last":"B"},"#
            + #""address":{"street":"1 A St","city":"X","state":"or","zip":"97301"}}"#
        let record = try ReferenceRecord.parse(line: Array(line.utf8)).get()
        guard case .representative(let r) = record else { Issue.record("not a representative"); return }
        #expect(r.tin == nil && r.ptin == nil && r.practiceCode == "")
        #expect(r.name == .person(first: "A", middle: nil, last: "B", suffix: nil))
        #expect(r.address.state == "OR")
    }

    @Test func aByteOrderMarkAndEscapesAreAccepted() throws {
        let line = [0xEF, 0xBB, 0xBF] + Array(Self.entity.replacingOccurrences(of: #""first":"A""#, with: #""first":"\u00c9mile \"E\"""#).utf8)
        let record = try ReferenceRecord.parse(line: line).get()
        guard case .entity(let e) = record else { Issue.record("not an entity"); return }
        #expect(e.name == .person(first: "Émile \"E\"", middle: nil, last: "B", suffix: nil))
    }

    /// Validation decides "has a name control" without making one for ASCII names; it must agree
    /// with `NameControl` itself.
    @Test(arguments: ["Teak", "O'Neil", "-", "...", "123", "&", "The", "The Co", "The . Co", "  ", "Smith-Jones", "x",
                      "Müller", "李", "Ñ", "The Willow Co.", "- & -", "9"])
    func nameControlCheckAgreesWithNameControl(text: String) {
        for name in [RecordName.person(first: "A", middle: nil, last: text, suffix: nil), .business(text)] {
            let entity = EntityRecord(tin: name.isBusiness ? "12-3456789" : "400-01-2345", name: name,
                                      address: RecordAddress(street: "1 A St", city: "X", state: "OR", zip: "97301"))
            let accepted = (try? RecordValidation.validate(.entity(entity)).get()) != nil
            let blank = text.allSatisfy(\.isWhitespace)
            #expect(accepted == (!blank && name.nameControl != nil), "\(name)")
        }
    }
}
