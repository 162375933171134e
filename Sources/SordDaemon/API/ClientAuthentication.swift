import Crypto
import Hummingbird
import NIOSSL
import SordCore
import SordStore

/// Maps the client certificate of the connection to an active user, by the SHA-256 fingerprint of
/// its DER form. The TLS layer already refused connections without a certificate signed by
/// `client_ca`; here a valid certificate that is not registered, or whose user is disabled, gets
/// 403 `forbidden` (the client learns why, and no route runs).
struct ClientAuthentication: RouterMiddleware {
    typealias Context = APIRequestContext
    let database: SordDatabase
    let blocking: BlockingWork

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let certificate = try await context.peerCertificate() else {
            throw APIError.forbidden
        }
        let fingerprint = Hex.encode(SHA256.hash(data: try certificate.toDERBytes()))
        let user = try await blocking.run { [database] in
            try database.read { db in try UserRecord.find(fingerprint: fingerprint, in: db) }
        }
        guard let user, user.state == .active else { throw APIError.forbidden }
        var context = context
        context.user = user
        context.logger[metadataKey: "user"] = .string(user.id)
        return try await next(request, context)
    }
}
