import Foundation
import Testing
@testable import SordCore

@Suite("Document schema: every error is SUB-005 with its JSON path")
struct DocumentSchemaTests {
    /// Replaces the first occurrence of `old` in the minimal 8821 (the change must apply).
    static func edited(_ old: String, _ new: String) -> String {
        let base = DocumentFixtures.minimal8821
        precondition(base.contains(old), "fixture does not contain \(old)")
        guard let range = base.range(of: old) else { return base }
        return base.replacingCharacters(in: range, with: new)
    }

    @Test func minimalBaseIsValid() {
        #expect(DocumentFixtures.problems(DocumentFixtures.parse(DocumentFixtures.minimal8821)) == [])
    }

    @Test("one schema error, its path and its message", arguments: [
        // Unknown fields, at every level.
        (edited(#""channel""#, #""chanel": "upload", "channel""#), "$.chanel", "unknown field"),
        (edited(#""tin": "12-3456789""#, #""tin": "12-3456789", "ssn": "x""#), "$.taxpayer.ssn", "unknown field"),
        (edited(#""caf": "None""#, #""caf": "None", "cafNumber": "1""#), "$.representatives[0].cafNumber", "unknown field"),
        (edited(#""zip": "83702""#, #""zip": "83702", "zip4": "1""#), "$.taxpayer.address.zip4", "unknown field"),
        (edited(#""periods": ["2023-12"]"#, #""periods": ["2023-12"], "years": 1"#), "$.matters[0].years", "unknown field"),
        (edited(#""business": "The Willow Co.""#, #""business": "The Willow Co.", "last": "Willow""#),
         "$.taxpayer.name.last", "not allowed in a business name, which has only \"business\""),
        (edited(#""first": "Dana""#, #""first": "Dana", "nick": "D""#), "$.representatives[0].name.nick", "unknown field"),
        (edited(#""type""#, #""first name": 1, "type""#), "$[\"first name\"]", "unknown field"),
        // Missing required fields.
        (edited(#""form": "8821", "#, ""), "$.form", "missing required field \"form\""),
        (edited(#""tin": "12-3456789","#, ""), "$.taxpayer.tin", "missing required field \"tin\""),
        (edited(#""caf": "None","#, ""), "$.representatives[0].caf", "missing required field \"caf\""),
        (edited(#", "city": "Boise""#, ""), "$.taxpayer.address.city", "missing required field \"city\""),
        (edited(#""first": "Dana", "#, ""), "$.representatives[0].name.first", "missing required field \"first\""),
        (edited(#", "periods": ["2023-12"]"#, ""), "$.matters[0].periods", "missing required field \"periods\""),
        (edited(#""channel": "upload""#, #""channel": null"#), "$.channel", "missing required field \"channel\""),
        // Wrong JSON types.
        (edited(#""12-3456789""#, "123456789"), "$.taxpayer.tin", "must be a string, found a number"),
        (edited(#""83702""#, "83702"), "$.taxpayer.address.zip", "must be a string, found a number"),
        (edited(#"["2023-12"]"#, "[2023]"), "$.matters[0].periods[0]", "must be a string, found a number"),
        (edited(#"["2023-12"]"#, #""2023-12""#), "$.matters[0].periods", "must be an array, found a string"),
        (edited(#""caf": "None""#, #""caf": "None", "receiveNotices": "true""#),
         "$.representatives[0].receiveNotices", "must be true or false, found a string"),
        (edited(#""channel": "upload""#, #""channel": "upload", "retainPrior": 1"#), "$.retainPrior",
         "must be true or false, found a number"),
        (edited(#"{"business": "The Willow Co."}"#, #""The Willow Co.""#), "$.taxpayer.name", "must be an object, found a string"),
        (edited(#""channel": "upload""#, #""channel": "upload", "taxpayerSignature": []"#), "$.taxpayerSignature",
         "must be an object, found an array"),
        (edited(#""channel": "upload""#, #""channel": "upload", "additionalActs": {"disclosure": "no"}"#),
         "$.additionalActs.disclosure", "must be true or false, found a string"),
        // Wrong enumerations.
        (edited(#""form": "8821""#, #""form": "2849""#), "$.form", #"must be one of "2848" or "8821""#),
        (edited(#""form": "8821""#, #""form": 8821"#), "$.form", "must be a string, found a number"),
        (edited(#""channel": "upload""#, #""channel": "email""#), "$.channel", #"must be one of "upload" or "tax-pro-account""#),
        // Empty arrays that need an entry.
        (edited(#""matters": [{"description": "Income", "form": "1120", "periods": ["2023-12"]}]"#, #""matters": []"#),
         "$.matters", "must contain at least one entry"),
        // clientRef length.
        (edited(#""channel": "upload""#, #""channel": "upload", "clientRef": "\#(String(repeating: "é", count: 65))""#),
         "$.clientRef", "must be at most 64 characters, found 65"),
        // Duplicate keys.
        (edited(#""form": "8821""#, #""form": "8821", "form": "2848""#), "$.form", "duplicate field"),
    ])
    func singleError(text: String, path: String, message: String) {
        let problems = DocumentFixtures.problems(DocumentFixtures.parse(text))
        #expect(problems == [Problem(.sub005, message, path: path)])
    }

    @Test("small documents", arguments: [
        (#"{"type":"caf-link"}"#, ["SUB-005 $.caf"]),
        (#"{"type":"caf-link","caf":312345678}"#, ["SUB-005 $.caf"]),
        (#"{"type":"caf-link","caf":"0312-34567R","cfa":"x"}"#, ["SUB-005 $.cfa"]),
        (#"{"type":"withdrawal"}"#, ["SUB-005 $.authorization"]),
        (#"{"type":"authorization-decision","request":"r","decision":"approved"}"#, ["SUB-005 $.decision"]),
        (#"{"type":"authorization-decision","decision":true}"#, ["SUB-005 $.request", "SUB-005 $.decision"]),
        (#"{"type":"delegation","efin":123456,"delegate":"u","authority":"TDS","action":"remove"}"#,
         ["SUB-005 $.efin", "SUB-005 $.authority", "SUB-005 $.action"]),
        (#"{"type":"delegation"}"#, ["SUB-005 $.efin", "SUB-005 $.delegate", "SUB-005 $.authority", "SUB-005 $.action"]),
        (#"{"type":"transcript-request","requests":[]}"#, ["SUB-005 $.requests"]),
        (#"{"type":"transcript-request","requests":{}}"#, ["SUB-005 $.requests"]),
        (#"{"type":"transcript-request"}"#, ["SUB-005 $.requests"]),
        (#"{"type":"withdrawal","authorization":"a","clientRef":7}"#, ["SUB-005 $.clientRef"]),
        (#"{"type":"caf-link","type":"caf-link","caf":"1"}"#, ["SUB-005 $.type"]),
    ])
    func smallDocumentErrors(text: String, expected: [String]) {
        #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(text)) == expected)
    }

    @Test func everyErrorIsReportedTogether() {
        let text = """
        {"type": "authorization", "form": "2848", "channel": "mail", "extra": true,
         "taxpayer": {"name": {"first": "Ralph"}, "tin": 400012345,
                      "address": {"street": "12 Alder St", "city": "Salem", "state": "OR"}},
         "representatives": [
            {"name": {"first": "Dana", "last": "Oak"}, "caf": "None",
             "address": {"street": "9 Elm Ave", "city": "Portland", "state": "OR", "zip": "97201"}},
            {"name": {"first": "Lee", "last": "Ash"}, "caf": "None", "designation": 3,
             "address": {"street": "1 Oak Rd", "city": "Bend", "state": "OR", "zip": "97701"}}
         ],
         "matters": [{"description": "Income", "form": "1040", "periods": ["2023", 2024]}, "Income"]}
        """
        #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(text)) == [
            "SUB-005 $.channel",
            "SUB-005 $.taxpayer.name.last",
            "SUB-005 $.taxpayer.tin",
            "SUB-005 $.taxpayer.address.zip",
            "SUB-005 $.representatives[1].designation",
            "SUB-005 $.matters[0].periods[1]",
            "SUB-005 $.matters[1]",
            "SUB-005 $.extra",
        ])
    }

    @Test func optionalFieldsTakeTheirDefaultsAndNullCountsAsAbsent() throws {
        let text = DocumentSchemaTests.edited(#""caf": "None""#,
            #""caf": "None", "ptin": null, "designation": null, "receiveNotices": null"#)
        let document = try #require(DocumentFixtures.document(DocumentFixtures.parse(text)))
        guard case .authorization(let form) = document else {
            Issue.record("not an authorization")
            return
        }
        #expect(form.clientRef == nil)
        #expect(form.specificUse == false && form.retainPrior == false)
        #expect(form.additionalActs == nil && form.actsNotAuthorized == nil && form.taxpayerSignature == nil)
        #expect(form.taxpayer.name == .business("The Willow Co."))
        #expect(form.taxpayer.address.country == "US")
        let representative = try #require(form.representatives.first)
        #expect(representative.ptin == nil && representative.designation == nil && representative.receiveNotices == false)
        #expect(form.form2848OnlyFieldPaths == [])
    }

    @Test func an8821KeepsTheFieldsOfA2848ForTheRules() throws {
        let text = DocumentSchemaTests.edited(#""caf": "None""#,
            #""caf": "None", "designation": "c", "signedOn": "2026-11-20""#)
            .replacingOccurrences(of: #""channel": "upload""#,
                                  with: #""channel": "upload", "additionalActs": {"other": "sign"}, "actsNotAuthorized": """#)
        let document = try #require(DocumentFixtures.document(DocumentFixtures.parse(text)))
        guard case .authorization(let form) = document else {
            Issue.record("not an authorization")
            return
        }
        #expect(form.form == .form8821)
        #expect(form.additionalActs?.isUsed == true)
        #expect(form.form2848OnlyFieldPaths == [
            "$.representatives[0].designation", "$.representatives[0].signedOn", "$.additionalActs", "$.actsNotAuthorized",
        ])
    }

    @Test func personNamesKeepMiddleAndSuffixAndAddressesTheirCountry() throws {
        let text = DocumentSchemaTests.edited(#"{"first": "Dana", "last": "Oak"}"#,
            #"{"first": "Dana", "middle": "Q", "last": "Oak", "suffix": "Jr."}"#)
            .replacingOccurrences(of: #""zip": "97201"}"#, with: #""zip": "97201", "country": "CA"}"#)
        let document = try #require(DocumentFixtures.document(DocumentFixtures.parse(text)))
        guard case .authorization(let form) = document else {
            Issue.record("not an authorization")
            return
        }
        #expect(form.representatives[0].name == .person(first: "Dana", middle: "Q", last: "Oak", suffix: "Jr."))
        #expect(form.representatives[0].address.country == "CA")
    }

    @Test func clientRefOfExactly64CharactersIsAccepted() {
        let text = #"{"type":"withdrawal","authorization":"a","clientRef":"\#(String(repeating: "x", count: 64))"}"#
        #expect(DocumentFixtures.document(DocumentFixtures.parse(text))?.clientRef == String(repeating: "x", count: 64))
    }

    @Test func hostileKeysAreQuotedAndShortenedInPaths() {
        let key = String(repeating: "k", count: 70) + "\"\\\n"
        let escapedKey = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        let text = #"{"type":"caf-link","caf":"1","\#(escapedKey)":1}"#
        let paths = DocumentFixtures.problems(DocumentFixtures.parse(text)).map(\.path)
        #expect(paths == ["$[\"" + String(repeating: "k", count: 64) + "…\"]"])
        let control = #"{"type":"caf-link","caf":"1","a\"\u0001":1}"#
        #expect(DocumentFixtures.problems(DocumentFixtures.parse(control)).map(\.path) == [#"$["a\"\u0001"]"#])
    }
}
