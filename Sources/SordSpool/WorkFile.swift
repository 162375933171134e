import SordCore

/// A claimed input in `work/`: the file keeps the exact name the user gave it (any name the file
/// system allows) inside a folder of its own, `work/<submission-id>~<user>/`. The folder's name
/// carries everything recovery needs, so a file claimed just before a crash is never orphaned, and
/// the whole folder moves to `archive/<day>/` when the submission is done.
public struct WorkFile: Hashable, Sendable {
    public let submission: SortableID
    public let user: UserID
    /// The name the user gave the file in their inbox (one path component, up to 255 bytes).
    public let originalName: String

    public init(submission: SortableID, user: UserID, originalName: String) {
        self.submission = submission
        self.user = user
        self.originalName = originalName
    }

    /// The submission's folder in `work/` (and in `archive/<day>/`).
    public var folder: String { Self.folder(submission: submission, user: user) }

    /// The folder name of a submission: `<submission-id>~<user>`.
    public static func folder(submission: SortableID, user: UserID) -> String {
        "\(submission.rawValue)~\(user.rawValue)"
    }

    /// Parses a folder name found in `work/`: the submission and the user, or nil for anything
    /// that is not one of ours.
    public static func parse(folder: String) -> (SortableID, UserID)? {
        let parts = folder.split(separator: "~", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = SortableID(String(parts[0])), let user = UserID(String(parts[1])) else { return nil }
        return (id, user)
    }
}
