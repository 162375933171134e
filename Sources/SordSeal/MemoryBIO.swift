import COpenSSL
import Foundation

/// Memory BIOs: how bytes go into and come out of OpenSSL without touching the disk.
enum MemoryBIO {
    /// Runs `body` with a read-only BIO over `bytes`; the BIO is only valid inside `body`.
    static func reading<R>(_ bytes: UnsafeRawBufferPointer, _ body: (OpaquePointer) throws -> R) throws -> R {
        guard bytes.count <= Int32.max else {
            throw SealError.sealingFailed(detail: "input of \(bytes.count) bytes exceeds OpenSSL's 2 GiB limit")
        }
        // BIO_new_mem_buf needs a non-null pointer even for empty input.
        let empty: UInt8 = 0
        return try withUnsafePointer(to: empty) { emptyPointer in
            let base = bytes.baseAddress ?? UnsafeRawPointer(emptyPointer)
            guard let bio = BIO_new_mem_buf(base, Int32(bytes.count)) else {
                throw SealError.sealingFailed(detail: OpenSSLErrorQueue.drain())
            }
            defer { BIO_free(bio) }
            return try body(bio)
        }
    }

    /// Runs `body` with an empty writable memory BIO and returns what `body` wrote into it.
    static func writing(_ body: (OpaquePointer) throws -> Void) throws -> Data {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw SealError.sealingFailed(detail: OpenSSLErrorQueue.drain())
        }
        defer { BIO_free(bio) }
        try body(bio)
        return contents(of: bio)
    }

    /// The bytes currently held by a memory BIO (`BIO_get_mem_data`, a macro Swift cannot see).
    static func contents(of bio: OpaquePointer) -> Data {
        var pointer: UnsafeMutablePointer<CChar>?
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &pointer)
        guard length > 0, let pointer else { return Data() }
        return Data(bytes: pointer, count: length)
    }
}
