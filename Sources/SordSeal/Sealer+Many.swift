import Dispatch
import Foundation

extension Sealer {
    /// Seals each payload to its recipient, spreading the work over every core (sealing is most of
    /// a delivery's CPU: gzip, RSA-OAEP or ECDH, AES-256-GCM); the results are in the order given.
    /// - Throws: the first `SealError` of any payload.
    public static func seal(_ items: [(payload: Data, recipient: RecipientCertificate)]) throws -> [Data] {
        guard items.count > 1 else { return try items.map { try seal($0.payload, to: $0.recipient) } }
        let results = Slots<Result<Data, any Error>>(count: items.count)
        defer { results.release() }
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results[index] = Result { try seal(items[index].payload, to: items[index].recipient) }
        }
        return try (0..<items.count).map { try results[$0]!.get() }
    }
}

/// Fixed slots that concurrent workers fill, each worker its own index (so no two threads ever
/// touch the same slot); read after the workers are done.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    subscript(index: Int) -> Value? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    func release() {
        _ = storage.deinitialize()
        storage.deallocate()
    }
}
