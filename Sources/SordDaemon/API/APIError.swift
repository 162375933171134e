import Foundation
import Hummingbird

/// An API failure as the client sees it: an HTTP status and `{"error":{"code","message"}}`. Messages
/// never hold file contents, names of people or TINs.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    public let status: HTTPResponse.Status
    /// A short machine-readable code, e.g. `not-found`.
    public let code: String
    public let message: String
    /// Extra headers (e.g. `Content-Range` on a 416).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The JSON body.
    struct Body: Codable, Equatable {
        struct Detail: Codable, Equatable {
            let code: String
            let message: String
        }
        let error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        let bytes = try JSONEncoder().encode(Body(error: .init(code: code, message: message)))
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static let notFound = APIError(.notFound, "not-found", "No such resource.")
    static let forbidden = APIError(.forbidden, "forbidden", "The client certificate is not registered to an active user.")
}
