import Hummingbird
import NIOSSL
import SordStore

/// The request context of the HTTPS API: reaches the client certificate the TLS handshake verified
/// (through the request's connection) and, once `ClientAuthentication` ran, holds its user.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client certificate the TLS handshake verified on this request's connection.
    let peerCertificate: @Sendable () async throws -> NIOSSLCertificate?
    /// The authenticated, active user; set by `ClientAuthentication` before any route runs.
    var user: UserRecord?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerCertificate = { [channel = source.channel] in try await channel.nioSSL_peerCertificate().get() }
    }

    /// The authenticated user (routes run only after authentication, so this never fails there).
    func requireUser() throws -> UserRecord {
        guard let user else { throw APIError.forbidden }
        return user
    }
}
