/// The result of reading a submitted file: a document that passed the schema, or every problem that
/// stopped it (`SUB-003`, `SUB-004`, `SUB-005` or `SUB-008`).
public enum ParseOutcome: Sendable, Equatable {
    case document(Document)
    case rejected([Problem])
}
