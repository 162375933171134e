import Testing
@testable import SordCore

/// The SPEC 5 examples, verbatim, and small helpers shared by the document tests.
enum DocumentFixtures {
    static let authorization = """
    {
      "type": "authorization",
      "form": "2848",
      "channel": "upload",
      "clientRef": "batch-2026-11-20-07",
      "taxpayer": {
        "name": {"first": "Ralph", "last": "Teak"},
        "tin": "400-01-2345",
        "address": {"street": "12 Alder St", "city": "Salem", "state": "OR", "zip": "97301"}
      },
      "representatives": [{
        "name": {"first": "Dana", "last": "Oak"},
        "caf": "0312-34567R",
        "ptin": "P01234567",
        "address": {"street": "9 Elm Ave", "city": "Portland", "state": "OR", "zip": "97201"},
        "receiveNotices": true,
        "designation": "c",
        "jurisdiction": "OR",
        "licenseNumber": "00112233",
        "signedOn": "2026-11-20"
      }],
      "matters": [
        {"description": "Income", "form": "1040", "periods": ["2022", "2023", "2024"]},
        {"description": "Civil Penalty", "form": "Civil Penalty", "periods": ["2024-03", "2024-06"]}
      ],
      "specificUse": false,
      "additionalActs": {"intermediateServiceProvider": false, "disclosure": false,
                         "substitute": false, "signReturn": false, "other": ""},
      "actsNotAuthorized": "",
      "retainPrior": false,
      "taxpayerSignature": {"signedOn": "2026-11-20", "name": "Ralph Teak", "title": ""}
    }
    """

    static let authorizationDecision = """
    {"type": "authorization-decision", "request": "<request id from the request file>", "decision": "approve"}
    """

    static let withdrawal = """
    {"type": "withdrawal", "authorization": "<authorization id>"}
    """

    static let cafLink = """
    {"type": "caf-link", "caf": "0312-34567R"}
    """

    static let delegation = """
    {"type": "delegation", "efin": "123456", "delegate": "<user id>", "authority": "tds", "action": "grant"}
    """

    static let transcriptRequest = """
    {
      "type": "transcript-request",
      "requests": [
        {"tin": "400-01-2345", "nameControl": "TEAK", "product": "account", "form": "1040",
         "periods": ["2024", "2023"], "customerFileNumber": "1234567890", "unmasked": false,
         "format": "text"}
      ]
    }
    """

    /// A minimal valid Form 8821 upload, used as a base that tests change one field of.
    static let minimal8821 = """
    {"type": "authorization", "form": "8821", "channel": "upload",
     "taxpayer": {"name": {"business": "The Willow Co."}, "tin": "12-3456789",
                  "address": {"street": "1 Main St", "city": "Boise", "state": "ID", "zip": "83702"}},
     "representatives": [{"name": {"first": "Dana", "last": "Oak"}, "caf": "None",
                          "address": {"street": "9 Elm Ave", "city": "Portland", "state": "OR", "zip": "97201"}}],
     "matters": [{"description": "Income", "form": "1120", "periods": ["2023-12"]}]}
    """

    static func parse(_ text: String, fileName: String = "submission.json") -> ParseOutcome {
        DocumentParser.parse(bytes: Array(text.utf8), fileName: fileName)
    }

    /// The problems of a rejected outcome; an accepted one gives none.
    static func problems(_ outcome: ParseOutcome) -> [Problem] {
        if case .rejected(let problems) = outcome { return problems }
        return []
    }

    static func document(_ outcome: ParseOutcome) -> Document? {
        if case .document(let document) = outcome { return document }
        return nil
    }

    /// `code path` pairs, compact enough to compare in a table.
    static func codesAndPaths(_ outcome: ParseOutcome) -> [String] {
        problems(outcome).map { "\($0.code) \($0.path ?? "-")" }
    }
}
