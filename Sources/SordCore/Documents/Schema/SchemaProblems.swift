/// Collects every schema problem (`SUB-005`) found while one document is decoded, so a submitter
/// learns about all of them at once rather than one per attempt.
final class SchemaProblems {
    private(set) var problems: [Problem] = []

    var isEmpty: Bool { problems.isEmpty }

    func report(_ message: String, at path: String) {
        problems.append(Problem(.sub005, message, path: path))
    }

    func report(_ message: String, at path: SchemaPath) {
        report(message, at: path.text)
    }
}
