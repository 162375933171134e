import SordCore

/// One rejected line of an import: where it is and everything wrong with it.
public struct ImportRejection: Hashable, Sendable, CustomStringConvertible {
    /// The file as named on the command line.
    public let file: String
    /// The line number, from 1.
    public let line: Int
    public let problems: [Problem]

    /// `file:line: CODE $.path: message; …`. Never holds the rejected values.
    public var description: String {
        "\(file):\(line): " + problems.map { p in
            [p.code, p.path, p.message].compactMap { $0 }.joined(separator: " ")
        }.joined(separator: "; ")
    }
}

/// Why an import did not happen.
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file could not be opened or read; nothing was imported.
    case unreadable(file: String, reason: String)
    /// Some lines were invalid and `continueOnError` was off, so nothing was imported. Holds the
    /// first rejections (up to the importer's limit) and how many lines were rejected in all.
    case invalidRecords(rejections: [ImportRejection], rejectedLines: Int)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): \(reason); nothing imported"
        case let .invalidRecords(rejections, count):
            let more = count > rejections.count ? "\n… and \(count - rejections.count) more" : ""
            return "\(count) invalid line\(count == 1 ? "" : "s"); nothing imported\n"
                + rejections.map(\.description).joined(separator: "\n") + more
        }
    }
}
