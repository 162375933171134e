/// A name as written in a document: `{"first","middle"?,"last","suffix"?}` for a person or
/// `{"business"}` for an entity. The strings are kept exactly as submitted; name rules (lengths,
/// name controls, matching) apply later.
public enum DocumentName: Sendable, Hashable {
    case person(first: String, middle: String?, last: String, suffix: String?)
    case business(String)
}
