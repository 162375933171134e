import CompressNIO
import Foundation
import NIOCore

/// gzip (RFC 1952) with a real header, so `gunzip` reads what `compress` writes.
enum Gzip {
    /// Compresses `bytes` into one gzip member.
    static func compress(_ bytes: UnsafeRawBufferPointer) throws -> ByteBuffer {
        var input = ByteBuffer(bytes: bytes)
        do {
            return try input.compress(with: .gzip())
        } catch {
            throw SealError.sealingFailed(detail: "gzip: \(error)")
        }
    }

    /// Decompresses gzip `bytes`, refusing output larger than `maxBytes` (a guard against gzip bombs).
    static func decompress(_ bytes: Data, maxBytes: Int) throws -> Data {
        var input = ByteBuffer(bytes: bytes)
        do {
            let output = try input.decompress(with: .gzip(), maxSize: maxBytes)
            return output.withUnsafeReadableBytes { Data($0) }
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw SealError.plaintextTooLarge(limit: maxBytes)
        } catch {
            throw SealError.decompressionFailed(detail: "\(error)")
        }
    }
}
