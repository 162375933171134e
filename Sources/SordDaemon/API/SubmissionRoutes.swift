import Hummingbird
import SordCore
import SordSpool
import SordStore

/// `GET /v1/submissions/{id}`: one of the user's own submissions. `received` while it waits in
/// `work/`; once committed, the outcome status and the id of its ack in the user's mailbox.
/// Another user's submission, or an unknown or malformed id, is 404. The look-up runs on `blocking`.
struct SubmissionRoutes: Sendable {
    let database: SordDatabase
    let layout: SpoolLayout
    let blocking: BlockingWork

    /// The response body.
    struct Status: Codable, Equatable {
        let submission: String
        /// `received`, then `accepted`, `rejected`, `partial` or `pending`.
        let status: String
        let file: String
        let documentType: String?
        let receivedAt: String
        let processedAt: String?
        /// The ack's mailbox file id, once processed.
        let ack: String?
        /// The reason codes of the outcome, once processed.
        let codes: [String]?
    }

    func register(on router: Router<APIRequestContext>) {
        router.get("/v1/submissions/:id") { _, context in try await show(context) }
    }

    func show(_ context: APIRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard let text = context.parameters.get("id"), let id = SortableID(text) else { throw APIError.notFound }
        let found: Status? = try await blocking.run { [self] in try status(of: id, user: user) }
        guard let found else { throw APIError.notFound }
        return try JSONResponse.make(found)
    }

    /// The submission's status, or nil when this user has no such submission.
    private func status(of id: SortableID, user: UserRecord) throws -> Status? {
        let row = try database.read { db in try SubmissionRecord.find(id.rawValue, user: user.id, in: db) }
        if let row {
            return Status(
                submission: row.id, status: row.status, file: row.fileName, documentType: row.documentType,
                receivedAt: row.receivedAt, processedAt: row.processedAt, ack: row.ackFileId,
                codes: row.errorCodes.split(separator: ",").map(String.init))
        }
        guard let work = Claimer(layout: layout).pending(submission: id, user: user.userID) else { return nil }
        return Status(
            submission: id.rawValue, status: "received", file: work.originalName, documentType: nil,
            receivedAt: Timestamp.iso(Timestamp.date(of: id)), processedAt: nil, ack: nil, codes: nil)
    }
}
