import Foundation

/// A `report` file (SPEC 7 and 12): the answer to `client-list`, `request-list` or
/// `account-summary`, in the format asked: JSON (`"type": "report"`, the report's name under
/// `"report"`, keys sorted, amounts as decimal strings, days `YYYY-MM-DD`) or text laid out like
/// the IRS's own pages (`ReportTextRenderer`).
public protocol AccountReport: Encodable, Sendable {
    /// The report as text.
    func text() -> String
}

extension AccountReport {
    /// The file's payload in `format`, with the payload format its mailbox name carries.
    public func payload(_ format: OutputFormat) throws -> (format: PayloadFormat, bytes: Data) {
        switch format {
        case .json: (.json, try PayloadJSON.encode(type: "report", self))
        case .text: (.txt, Data(text().utf8))
        }
    }
}
