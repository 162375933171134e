// Shared by every fuzz target (compiled into each target's binary together with SordCore).

/// Stops the process when a property the target asserts does not hold, so libFuzzer saves the
/// input as a crash artifact. `fatalError` (unlike `precondition`) prints its message under -O.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz property violated: \(message())") }
}

/// The fuzzer's input as an array of bytes.
func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// The input as text; bytes that are not UTF-8 become U+FFFD, as any caller that builds a String
/// from a file would see them.
func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}
