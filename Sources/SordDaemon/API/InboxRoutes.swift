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
    /// Where every file and database call runs (never on the cooperative pool).
    let blocking: BlockingWork
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

        let upload = try await blocking.run { [self] in try UploadFile(routes: self, user: user.userID) }
        var claimed = false
        do {
            var size = 0
            for try await chunk in request.body {
                size += chunk.readableBytes
                if size > maxBytes { throw tooLarge }
                try await blocking.run { try upload.append(chunk) }
            }
            let work = WorkFile(submission: ids.next(), user: user.userID, originalName: name)
            let now = Timestamp.iso(clock()), uploaded = String(size)
            try await blocking.run { [layout] in try upload.claim(as: work, layout: layout) }
            claimed = true
            onClaimed(work)
            // The file is claimed and will be answered; a failed audit entry does not undo that.
            do {
                try await blocking.run { [database] in
                    try database.write { db in
                        try AuditLog.append(db, at: now, actor: user.id, action: "inbox.uploaded", subject: work.submission.rawValue,
                                            detail: ["user": user.id, "size": uploaded])
                    }
                }
            } catch {
                context.logger.error("upload audit entry failed", metadata: ["submission": "\(work.submission)", "error": "\(error)"])
            }
            try await blocking.run { upload.close() }
            return try JSONResponse.make(Accepted(submission: work.submission.rawValue), status: .accepted,
                                         headers: [.location: "/v1/submissions/\(work.submission.rawValue)"])
        } catch {
            let remove = !claimed
            try? await blocking.run { upload.close(removing: remove) }
            throw error
        }
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


/// The hidden temp file one upload streams into: created in the user's inbox, appended to chunk by
/// chunk, fsynced and renamed into `work/` when complete, removed otherwise. Used from the blocking
/// threads only, one call at a time.
private final class UploadFile: @unchecked Sendable {
    let path: String
    let inbox: String
    private var fd: Int32

    init(routes: InboxRoutes, user: UserID) throws {
        if !Durable.exists(routes.layout.inbox(user)) { try routes.layout.createUserFolders(user, inboxMode: routes.inboxMode) }
        inbox = routes.layout.inbox(user)
        path = inbox + "/" + InboxRoutes.tempPrefix + Hex.encode((0..<8).map { _ in UInt8.random(in: 0...255) }) + ".part"
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw SpoolError("create upload file") }
    }

    func append(_ chunk: ByteBuffer) throws {
        try chunk.withUnsafeReadableBytes { try Durable.writeAll(fd: fd, $0) }
    }

    /// Makes the upload durable and claims it: fsync, rename into its folder in `work/`, fsync the
    /// folders.
    func claim(as work: WorkFile, layout: SpoolLayout) throws {
        try Durable.fsync(fd: fd)
        let folder = layout.work + "/" + work.folder
        try Durable.makeDirectory(folder)
        try Durable.rename(path, to: folder + "/" + work.originalName)
        try Durable.fsyncDirectory(folder)
        try Durable.fsyncDirectory(layout.work)
        try Durable.fsyncDirectory(inbox)
    }

    /// Closes the file, removing it when it was not claimed.
    func close(removing: Bool = false) {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
        if removing { unlink(path) }
    }
}
