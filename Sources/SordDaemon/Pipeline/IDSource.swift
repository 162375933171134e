import Foundation
import SordCore
import Synchronization

/// Makes time-ordered unique ids (monotonic within one process: ids made in the same millisecond
/// still sort in the order they were made).
public final class IDSource: Sendable {
    private struct State {
        var millis: UInt64 = 0
        var high: UInt16 = 0
        var low: UInt64 = 0
    }
    private let state = Mutex(State())
    private let clock: @Sendable () -> Date

    public init(clock: @escaping @Sendable () -> Date) {
        self.clock = clock
    }

    /// The next id.
    public func next() -> SortableID {
        let now = UInt64(max(0, clock().timeIntervalSince1970 * 1000))
        return state.withLock { s in
            if now > s.millis {
                s.millis = now
                s.high = UInt16.random(in: 0...UInt16.max) & 0x7FFF
                s.low = UInt64.random(in: 0...UInt64.max)
            } else if s.low == UInt64.max {
                s.low = 0
                s.high &+= 1
            } else {
                s.low += 1
            }
            return SortableID(unixMillis: s.millis, randomHigh: s.high, randomLow: s.low)
        }
    }
}
