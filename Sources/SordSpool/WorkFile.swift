import SordCore

/// A claimed input in `work/`. Its name, `<submission-id>~<user>~<original name>`, carries
/// everything recovery needs, so a file claimed just before a crash is never orphaned.
public struct WorkFile: Hashable, Sendable {
    public let submission: SortableID
    public let user: UserID
    /// The name the user gave the file in their inbox (one path component, at most 180 bytes).
    public let originalName: String

    public init(submission: SortableID, user: UserID, originalName: String) {
        self.submission = submission
        self.user = user
        self.originalName = originalName
    }

    /// The file's name in `work/` (and in `archive/<day>/`).
    public var name: String { "\(submission.rawValue)~\(user.rawValue)~\(originalName)" }

    /// Parses a name found in `work/`; nil for anything that is not one of ours.
    public init?(name: String) {
        let parts = name.split(separator: "~", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let id = SortableID(String(parts[0])), let user = UserID(String(parts[1])),
              !parts[2].isEmpty
        else { return nil }
        self.init(submission: id, user: user, originalName: String(parts[2]))
    }
}
