import COpenSSL

/// OpenSSL's per-thread error queue, read into text for `SealError` messages.
enum OpenSSLErrorQueue {
    /// Forgets earlier errors so a later `drain()` reports only the current operation.
    static func clear() {
        ERR_clear_error()
    }

    /// Empties the queue and returns its entries joined by "; ", oldest first.
    static func drain() -> String {
        var entries: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while case let code = ERR_get_error(), code != 0 {
            ERR_error_string_n(code, &buffer, buffer.count)
            entries.append(buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        return entries.isEmpty ? "no detail from OpenSSL" : entries.joined(separator: "; ")
    }
}
