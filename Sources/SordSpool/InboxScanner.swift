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

    /// The entries of one user's inbox whose names are not ignored, by name (see `InboxFolder`).
    public func entries(of user: UserID) throws -> [InboxFolder.Entry] {
        try InboxFolder(layout: layout, user: user).entries()
    }
}
