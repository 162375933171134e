import Foundation
import SordCore
import SordStore

/// What a handler may use while deciding one submission, inside the pipeline's write transaction.
public struct HandlerContext {
    public let submission: SortableID
    public let user: UserRecord
    public let now: Date
    public let config: SordConfig
    public let ids: IDSource
    /// The open write transaction: reads see every earlier decision of the same batch; writes
    /// (CAF changes) commit together with the outcome and its deliveries.
    public let db: any SQLSession
}

/// Decides one kind of document. The rules themselves are pure functions in SordCore; a handler
/// loads what they need, calls them, and applies the changes they decide.
public protocol DocumentHandler: Sendable {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome
}
