/// How an answer file is laid out in the mailbox: a transcript (SPEC 5.6) or a report (SPEC 12,
/// `client-list`, `request-list`, `account-summary`). Transcripts default to `text`, reports to
/// `json`; the decoders set the default.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// Laid out like an IRS page (the default for transcripts).
    case text
    /// Machine-readable, same content (the default for reports).
    case json
}
