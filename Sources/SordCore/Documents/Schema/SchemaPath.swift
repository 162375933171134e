/// Where a value sits in a document, built cheaply while decoding and turned into text
/// (`$.representatives[1].designation`) only when a problem is reported.
indirect enum SchemaPath {
    case root
    case key(SchemaPath, String)
    case index(SchemaPath, Int)

    func appending(key: String) -> SchemaPath { .key(self, key) }
    func appending(index: Int) -> SchemaPath { .index(self, index) }

    /// The path as text, in the form of `JSONPath`.
    var text: String {
        switch self {
        case .root: JSONPath.root
        case .key(let parent, let key): JSONPath.appending(key: key, to: parent.text)
        case .index(let parent, let index): JSONPath.appending(index: index, to: parent.text)
        }
    }
}
