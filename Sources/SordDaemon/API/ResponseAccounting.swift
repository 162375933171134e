import Hummingbird
import Logging
import SordStore

/// The outermost API middleware: turns every error into the JSON error shape (a route not found is
/// `not-found` like any other 404; a full disk 507 and a busy or unreachable database 503, both
/// with `Retry-After`) and counts responses by status for `/metrics`.
struct ResponseAccounting<Context: RequestContext>: RouterMiddleware {
    let metrics: SordMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not-found" : "http-\(error.status.code)"
            response = try APIError(error.status, code, error.status.reasonPhrase).response(from: request, context: context)
        } catch {
            response = try Self.apiError(for: error, logger: context.logger).response(from: request, context: context)
        }
        metrics.apiRequest(status: response.status.code)
        return response
    }
}

extension ResponseAccounting {
    /// What the client is told about an unexpected error: a `Trouble` the daemon waits out is worth
    /// retrying later; anything else is logged and answered 500.
    static func apiError(for error: any Error, logger: Logger) -> APIError {
        var answer: APIError
        switch Trouble.of(error) {
        case .diskFull?:
            answer = APIError(.init(code: 507, reasonPhrase: "Insufficient Storage"), "insufficient-storage", "The server's disk is full; try again later.")
        case .databaseBusy?, .databaseUnavailable?, .fileDescriptors?, .storage?:
            answer = APIError(.serviceUnavailable, "unavailable", "The server is busy; try again later.")
        case .internalError?, nil:
            logger.error("API request failed", metadata: ["error": "\(error)"])
            return APIError(.internalServerError, "internal", "The request could not be completed.")
        }
        answer.headers[.retryAfter] = "30"
        return answer
    }
}
