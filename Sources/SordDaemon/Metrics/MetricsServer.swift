import Hummingbird
import Logging
import ServiceLifecycle

/// The plain-HTTP operations listener (loopback by default): `/metrics` (Prometheus text format),
/// `/healthz` (200 while the process runs) and `/readyz` (200 once recovery finished and the
/// listeners are up, 503 before).
struct MetricsServer: Sendable {
    let metrics: SordMetrics
    let health: Health
    let logger: Logger

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
        }
        router.get("/healthz") { _, _ in
            Self.text(.ok, "ok\n")
        }
        router.get("/readyz") { _, _ in
            let (ready, text) = health.readiness
            return Self.text(ready ? .ok : .serviceUnavailable, text)
        }
        return router
    }

    /// The application serving on `address`; it calls `listening` once bound.
    func application(address: ListenAddress, listening: @escaping @Sendable () -> Void) -> some Service {
        Application(
            router: router(),
            configuration: .init(address: .hostname(address.host, port: address.port)),
            onServerRunning: { _ in listening() },
            logger: logger)
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
