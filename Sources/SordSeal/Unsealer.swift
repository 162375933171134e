import COpenSSL
import Foundation

/// Opens sealed mailbox files: CMS AuthEnvelopedData decryption, then gunzip. Used by `sord open`.
///
/// The GCM tag makes any change to the file fail the decryption; nothing of a rejected file is returned.
public enum Unsealer {
    /// The default cap on the decompressed size: 256 MiB.
    public static let defaultMaxPlaintextBytes = 256 * 1024 * 1024

    /// Decrypts and decompresses `sealed` with `key`.
    ///
    /// - Parameters:
    ///   - certificate: the recipient's certificate, if known. It picks the matching recipient and
    ///     lets a wrong key fail early with a clear message; without it every recipient is tried.
    ///   - maxPlaintextBytes: refuse content that decompresses to more than this (gzip bombs).
    /// - Throws: `SealError.keyDoesNotMatchCertificate`, `.notAuthEnvelopedData`, `.openingFailed`,
    ///   `.decompressionFailed` or `.plaintextTooLarge`.
    public static func open(
        _ sealed: some ContiguousBytes,
        key: PrivateKey,
        certificate: RecipientCertificate?,
        maxPlaintextBytes: Int = defaultMaxPlaintextBytes
    ) throws -> Data {
        if let certificate, !key.matches(certificate) {
            throw SealError.keyDoesNotMatchCertificate
        }
        OpenSSLErrorQueue.clear()
        let parsed: OpaquePointer? = sealed.withUnsafeBytes { bytes in
            var cursor = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            return d2i_CMS_ContentInfo(nil, &cursor, bytes.count)
        }
        guard let cms = parsed else {
            throw SealError.notAuthEnvelopedData(detail: OpenSSLErrorQueue.drain())
        }
        defer { CMS_ContentInfo_free(cms) }
        let type = OBJ_obj2nid(CMS_get0_type(cms))
        guard type == NID_id_smime_ct_authEnvelopedData else {
            let name = OBJ_nid2ln(type).map { String(cString: $0) } ?? "unknown"
            throw SealError.notAuthEnvelopedData(detail: "content type is \(name)")
        }
        let compressed = try MemoryBIO.writing { output in
            guard CMS_decrypt(cms, key.pkey, certificate?.x509, nil, output, UInt32(CMS_BINARY)) == 1 else {
                throw SealError.openingFailed(detail: OpenSSLErrorQueue.drain())
            }
        }
        return try Gzip.decompress(compressed, maxBytes: maxPlaintextBytes)
    }
}
