import Hummingbird

/// The outermost API middleware: turns every error into the JSON error shape (a route not found is
/// `not-found` like any other 404) and counts responses by status for `/metrics`.
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
            context.logger.error("API request failed", metadata: ["error": "\(error)"])
            response = try APIError(.internalServerError, "internal", "The request could not be completed.")
                .response(from: request, context: context)
        }
        metrics.apiRequest(status: response.status.code)
        return response
    }
}
