import Foundation
import SordCore

/// Where everything lives under the spool (SPEC section 3). Every path the daemon touches is built
/// here from the spool root, a user id that matched the user-id pattern, and ids the daemon made.
public struct SpoolLayout: Sendable {
    /// The spool root, e.g. `spool` or `/var/lib/sord`.
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public var inboxRoot: String { root + "/inbox" }
    public var work: String { root + "/work" }
    public var archiveRoot: String { root + "/archive" }
    public var sorRoot: String { root + "/sor" }
    public var state: String { root + "/state" }
    public var pki: String { state + "/pki" }

    /// `inbox/<user>`: where the user drops files.
    public func inbox(_ user: UserID) -> String { inboxRoot + "/" + user.rawValue }
    /// `archive/<yyyy-mm-dd>`: processed inputs of one UTC day.
    public func archive(day: String) -> String { archiveRoot + "/" + day }
    /// `sor/<user>`: the user's SOR mailbox.
    public func mailbox(_ user: UserID) -> String { sorRoot + "/" + user.rawValue }
    public func mailboxTmp(_ user: UserID) -> String { mailbox(user) + "/tmp" }
    public func mailboxNew(_ user: UserID) -> String { mailbox(user) + "/new" }
    public func mailboxCur(_ user: UserID) -> String { mailbox(user) + "/cur" }

    /// Creates the shared folders (mode 0700); idempotent.
    public func createShared() throws {
        for path in [root, inboxRoot, work, archiveRoot, sorRoot, state] {
            try Durable.makeDirectory(path)
        }
    }

    /// Creates a user's inbox (mode `inboxMode`, so an operator may open it to a drop group) and
    /// mailbox folders (0700); idempotent.
    public func createUserFolders(_ user: UserID, inboxMode: mode_t = 0o700) throws {
        try createShared()
        if try Durable.makeDirectory(inbox(user), mode: inboxMode) {
            chmod(inbox(user), inboxMode)
        }
        for path in [mailbox(user), mailboxTmp(user), mailboxNew(user), mailboxCur(user)] {
            try Durable.makeDirectory(path)
        }
    }
}
