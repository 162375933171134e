import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import ServiceLifecycle
import SordSpool
import SordStore

/// The HTTPS mailbox API (SPEC section 8): TLS 1.2 or newer, a client certificate signed by
/// `client_ca` required by the handshake (no certificate, or one from another CA, never reaches
/// HTTP), then mapped to an active user (`ClientAuthentication`), then the routes.
struct APIServer: Sendable {
    let config: SordConfig
    let database: SordDatabase
    let ids: IDSource
    let metrics: SordMetrics
    let logger: Logger
    let clock: @Sendable () -> Date
    /// The threads that run every database and file call of a request.
    let blocking: BlockingWork
    let onClaimed: @Sendable (WorkFile) -> Void

    /// The server TLS configuration: our certificate and key, client certificates verified against
    /// the client CA (a certificate is then mandatory), no hostname check on clients.
    static func tlsConfiguration(_ config: SordConfig) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(config.tlsCert).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: config.tlsKey, format: .pem)))
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = .noHostnameVerification
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(config.clientCA))
        return tls
    }

    /// The router with its middleware and routes.
    func router() -> Router<APIRequestContext> {
        let layout = SpoolLayout(root: config.spool)
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: ResponseAccounting(metrics: metrics))
        router.add(middleware: ClientAuthentication(database: database, blocking: blocking))
        MailboxRoutes(access: MailboxAccess(database: database, layout: layout, clock: clock), blocking: blocking).register(on: router)
        inboxRoutes.register(on: router)
        SubmissionRoutes(database: database, layout: layout, blocking: blocking).register(on: router)
        return router
    }

    var inboxRoutes: InboxRoutes {
        InboxRoutes(database: database, blocking: blocking, layout: SpoolLayout(root: config.spool), ids: ids, maxBytes: config.maxBytes,
                    inboxMode: mode_t(config.inboxMode), clock: clock, onClaimed: onClaimed)
    }

    /// The connection time limits of `[api]`.
    var deadlines: ConnectionDeadlines.Limits {
        .init(header: .seconds(Int64(config.apiHeaderTimeoutSeconds)), body: .seconds(Int64(config.apiBodyTimeoutSeconds)),
              idle: .seconds(Int64(config.apiIdleTimeoutSeconds)))
    }

    /// The application serving on `address`; it calls `listening` once bound.
    func application(address: ListenAddress, listening: @escaping @Sendable () -> Void) throws -> some Service {
        Application(
            router: router(),
            server: try .tls(.http1(configuration: .init(additionalChannelHandlers: [ConnectionDeadlines(deadlines)])),
                             tlsConfiguration: Self.tlsConfiguration(config)),
            configuration: .init(address: .hostname(address.host, port: address.port),
                                 availableConnectionsDelegate: MaximumAvailableConnections(config.apiMaxConnections, logger: logger)),
            onServerRunning: { _ in listening() },
            logger: logger)
    }
}
