import Foundation
import Hummingbird
import SordCore
import SordSpool
import SordStore
#if canImport(Glibc)
import Glibc
#endif

/// `PUT /v1/inbox/{name}`: a submission over HTTPS, handled as if dropped into the inbox and
/// claimed at once. The body is streamed into a hidden temp file in the user's inbox
/// (`.upload-<random>.part`, which the inbox scanner ignores) up to `max_bytes` (413 beyond it, the
/// temp file removed), fsynced, renamed into `work/` under a new submission id, and the folders
/// fsynced; only then is the processor woken and 202 `{"submission": id}` returned. A crash after
/// the rename leaves a claimed file that recovery processes; before it, an ignored temp file that
/// the next start removes.
struct InboxRoutes: Sendable {
    let database: SordDatabase
    let layout: SpoolLayout
    let ids: IDSource
    let maxBytes: Int
    let inboxMode: mode_t
    let clock: @Sendable () -> Date
    /// Called with each claimed upload (wakes the processing loop).
    let onClaimed: @Sendable (WorkFile) -> Void

    /// The reply of a PUT.
    struct Accepted: Codable, Equatable {
        let submission: String
    }

    static let tempPrefix = ".upload-"

    func register(on router: Router<APIRequestContext>) {
        router.put("/v1/inbox/:name") { request, context in try await upload(request, context) }
    }

    func upload(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let name = context.parameters.get("name") ?? ""
        guard InboxName.isSafeUploadName(name), [.json, .csv].contains(InboxName.classify(name)) else {
            throw APIError(.badRequest, "bad-name",
                           "The name must be letters, digits, '.', '_' or '-', not hidden, at most 128 bytes, ending in .json or .csv.")
        }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBytes { throw tooLarge }

        let userID = user.userID
        if !Durable.exists(layout.inbox(userID)) { try layout.createUserFolders(userID, inboxMode: inboxMode) }
        let temp = layout.inbox(userID) + "/" + Self.tempPrefix + Hex.encode((0..<8).map { _ in UInt8.random(in: 0...255) }) + ".part"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw SpoolError("create upload file") }
        var claimed = false
        defer {
            close(fd)
            if !claimed { unlink(temp) }
        }
        var size = 0
        for try await chunk in request.body {
            size += chunk.readableBytes
            if size > maxBytes { throw tooLarge }
            try chunk.withUnsafeReadableBytes { try Durable.writeAll(fd: fd, $0) }
        }
        try Durable.fsync(fd: fd)
        let work = WorkFile(submission: ids.next(), user: userID, originalName: name)
        try Durable.rename(temp, to: layout.work + "/" + work.name)
        claimed = true
        try Durable.fsyncDirectory(layout.work)
        try Durable.fsyncDirectory(layout.inbox(userID))
        let now = Timestamp.iso(clock()), uploaded = String(size)
        try await database.pool.write { db in
            try AuditLog.append(db, at: now, actor: user.id, action: "inbox.uploaded", subject: work.submission.rawValue,
                                detail: ["user": user.id, "size": uploaded])
        }
        onClaimed(work)
        return try JSONResponse.make(Accepted(submission: work.submission.rawValue), status: .accepted,
                                     headers: [.location: "/v1/submissions/\(work.submission.rawValue)"])
    }

    private var tooLarge: APIError {
        APIError(.contentTooLarge, "too-large", "The document is larger than \(maxBytes) bytes.")
    }

    /// Removes upload temp files a stopped daemon left in the inboxes (none is in progress at start).
    func removeStaleUploads() throws {
        for user in try InboxScanner(layout: layout).userFolders() {
            let folder = layout.inbox(user)
            for name in (try? Durable.list(folder)) ?? [] where name.hasPrefix(Self.tempPrefix) && name.hasSuffix(".part") {
                unlink(folder + "/" + name)
            }
        }
    }
}

