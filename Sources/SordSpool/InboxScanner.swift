import SordCore

/// Lists what waits in the inboxes: the periodic rescan that catches anything inotify missed.
public struct InboxScanner: Sendable {
    public let layout: SpoolLayout

    public init(layout: SpoolLayout) {
        self.layout = layout
    }

    /// The user folders present under `inbox/` (names that are not valid user ids are skipped).
    public func userFolders() throws -> [UserID] {
        try Durable.list(layout.inboxRoot).compactMap(UserID.init).sorted()
    }

    /// The complete files in one user's inbox (hidden, `.part` and `.tmp` names left alone), oldest
    /// name order first.
    public func files(of user: UserID) throws -> [String] {
        try Durable.list(layout.inbox(user)).filter { InboxName.classify($0) != .ignore }.sorted()
    }
}
