import Foundation
import Hummingbird
import SordCore
import SordStore

/// `GET /v1/mailbox`, `GET /v1/mailbox/{id}` and `DELETE /v1/mailbox/{id}`, over `MailboxAccess`.
/// A user reaches only their own files: another user's id, a malformed id or a path trick is 404.
///
/// Downloads: `ETag` is the quoted SHA-256 of the sealed bytes and `If-None-Match` answers 304; one
/// `Range: bytes=…` is served as 206 (`If-Range` honoured), a range past the end is 416. A file is
/// marked downloaded (new/ → cur/) by a response that carries its last byte: a whole download, or
/// the final part of a resumed one; an earlier part is only audited (`mailbox.read-partial`).
///
/// Every database and file access runs on `blocking`, never on the cooperative pool.
struct MailboxRoutes: Sendable {
    let access: MailboxAccess
    let blocking: BlockingWork

    func register(on router: Router<APIRequestContext>) {
        router.get("/v1/mailbox") { request, context in try await list(request, context) }
        router.get("/v1/mailbox/:id") { request, context in try await fetch(request, context) }
        router.delete("/v1/mailbox/:id") { request, context in try await delete(request, context) }
    }

    func list(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let onlyNew: Bool
        switch request.uri.queryParameters["state"].map(String.init) {
        case nil, "all": onlyNew = false
        case "new": onlyNew = true
        default: throw APIError(.badRequest, "bad-query", "The state parameter must be new or all.")
        }
        let access = access
        return try JSONResponse.make(await blocking.run { try access.list(user: user.userID, onlyNew: onlyNew) })
    }

    func fetch(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try Self.fileID(context)
        let access = access
        guard let entry = try await blocking.run({ try access.entry(user: user.userID, id: id) }) else { throw APIError.notFound }
        let tag = EntityTag.of(sha256: entry.sha256)
        if let condition = request.headers[.ifNoneMatch], EntityTag.ifNoneMatch(condition, matches: tag) {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        var range = ByteRange(header: request.headers[.range], size: entry.size)
        if let condition = request.headers[.ifRange], condition.trimmingCharacters(in: .whitespaces) != tag { range = .whole }
        var headers: HTTPFields = [.contentType: "application/pkcs7-mime", .eTag: tag, .acceptRanges: "bytes"]
        headers[.contentDisposition] = "attachment; filename=\"\(entry.name)\""
        switch range {
        case .unsatisfiable:
            var error = APIError(.rangeNotSatisfiable, "range-not-satisfiable", "The range starts past the end of the file.")
            error.headers[.contentRange] = "bytes */\(entry.size)"
            throw error
        case .whole:
            let bytes = try read(await blocking.run { try access.fetch(user: user.userID, id: id, actor: user.id) }, size: entry.size)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .part(let first, let last):
            let result = try await blocking.run {
                last == entry.size - 1
                    ? try access.fetch(user: user.userID, id: id, actor: user.id)
                    : try access.readPartial(user: user.userID, id: id, actor: user.id, range: first...last)
            }
            let bytes = try read(result, size: entry.size)
            headers[.contentRange] = "bytes \(first)-\(last)/\(entry.size)"
            return Response(status: .partialContent, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes[first...last])))
        }
    }

    func delete(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try Self.fileID(context)
        let access = access
        guard try await blocking.run({ try access.delete(user: user.userID, id: id, actor: user.id) }) else { throw APIError.notFound }
        return Response(status: .noContent)
    }

    /// The bytes of a fetch, checked against the size the index records.
    private func read(_ result: (MailboxEntry, Data)?, size: Int) throws -> Data {
        guard let (_, bytes) = result else { throw APIError.notFound }  // deleted meanwhile
        guard bytes.count == size else {
            throw APIError(.internalServerError, "corrupt-file", "The stored file does not match its index entry.")
        }
        return bytes
    }

    /// The `{id}` path component, when it is a well-formed file id; anything else is 404.
    static func fileID(_ context: APIRequestContext) throws -> String {
        guard let text = context.parameters.get("id"), let id = SortableID(text) else { throw APIError.notFound }
        return id.rawValue
    }
}
