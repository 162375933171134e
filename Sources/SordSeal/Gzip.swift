import CompressNIO
import Foundation
import NIOCore

/// gzip (RFC 1952) with a real header, so `gunzip` reads what `compress` writes.
enum Gzip {
    /// Compresses `bytes` into one gzip member (level 6, zlib's default), with a deflate state
    /// reused from earlier calls when one is free. Safe to call from many threads at once.
    static func compress(_ bytes: UnsafeRawBufferPointer) throws -> ByteBuffer {
        var input = ByteBuffer(bytes: bytes)
        do {
            return try compressors.borrow { compressor in
                var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
                try compressor.deflate(from: &input, to: &output, flush: .finish)
                return output
            }
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

    private static let compressors = Compressors()

    /// Idle deflate states, at most one per thread that compressed at the same time. Setting one up
    /// (about 256 KiB allocated, its tables cleared) costs more than compressing a transcript;
    /// `deflateReset` makes a used one as good as new.
    private final class Compressors: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [ZlibCompressor] = []

        func borrow<T>(_ body: (ZlibCompressor) throws -> T) throws -> T {
            let compressor = try lock.withLock { idle.popLast() } ?? ZlibCompressor(algorithm: .gzip)
            try compressor.reset()
            defer { lock.withLock { idle.append(compressor) } }
            return try body(compressor)
        }
    }
}
