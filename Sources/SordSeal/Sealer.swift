import COpenSSL
import Foundation

/// Seals mailbox files: gzip of the payload, then DER CMS AuthEnvelopedData (AES-256-GCM)
/// to one recipient certificate (SPEC 7).
///
/// RSA recipients get RSA-OAEP key transport (SHA-256, MGF1-SHA-256); EC recipients get
/// ephemeral-static ECDH key agreement (dhSinglePass-stdDH-sha256kdf, AES-256 key wrap).
/// Everything happens in memory: no plaintext and no temporary file ever reaches the disk.
/// Safe to call from many threads at once.
/// The recipient opens the result with
/// `openssl cms -decrypt -inform DER -in FILE -recip me.pem -inkey me.key | gunzip`.
public enum Sealer {
    /// Returns the sealed (DER) form of `payload` for `recipient`.
    /// - Throws: `SealError.sealingFailed` with OpenSSL's error text.
    public static func seal(_ payload: some ContiguousBytes, to recipient: RecipientCertificate) throws -> Data {
        let compressed = try payload.withUnsafeBytes { try Gzip.compress($0) }
        OpenSSLErrorQueue.clear()
        let flags = UInt32(CMS_BINARY | CMS_PARTIAL)
        guard let cms = CMS_encrypt_ex(nil, nil, EVP_aes_256_gcm(), flags, nil, nil) else {
            throw SealError.sealingFailed(detail: OpenSSLErrorQueue.drain())
        }
        defer { CMS_ContentInfo_free(cms) }
        try addRecipient(recipient, to: cms, flags: flags)
        try compressed.withUnsafeReadableBytes { bytes in
            try MemoryBIO.reading(bytes) { input in
                guard CMS_final(cms, input, nil, flags) == 1 else {
                    throw SealError.sealingFailed(detail: OpenSSLErrorQueue.drain())
                }
            }
        }
        return try der(of: cms)
    }

    /// Adds the recipient with explicit key-management parameters: RSA-OAEP with SHA-256 and
    /// MGF1-SHA-256 (instead of PKCS#1 v1.5), or ECDH with the X9.63 KDF over SHA-256 (instead of SHA-1).
    private static func addRecipient(_ recipient: RecipientCertificate, to cms: OpaquePointer, flags: UInt32) throws {
        guard let info = CMS_add1_recipient_cert(cms, recipient.x509, flags | UInt32(CMS_KEY_PARAM)),
              let context = CMS_RecipientInfo_get0_pkey_ctx(info)
        else {
            throw SealError.sealingFailed(detail: OpenSSLErrorQueue.drain())
        }
        let configured = switch recipient.keyKind {
        case .rsa:
            EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) == 1
                && EVP_PKEY_CTX_set_rsa_oaep_md(context, EVP_sha256()) == 1
                && EVP_PKEY_CTX_set_rsa_mgf1_md(context, EVP_sha256()) == 1
        case .ec, .other:
            EVP_PKEY_CTX_set_ecdh_kdf_md(context, EVP_sha256()) == 1
        }
        guard configured else {
            throw SealError.sealingFailed(detail: OpenSSLErrorQueue.drain())
        }
    }

    private static func der(of cms: OpaquePointer) throws -> Data {
        let length = i2d_CMS_ContentInfo(cms, nil)
        guard length > 0 else {
            throw SealError.sealingFailed(detail: OpenSSLErrorQueue.drain())
        }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_CMS_ContentInfo(cms, &cursor)
        }
        guard written == length else {
            throw SealError.sealingFailed(detail: OpenSSLErrorQueue.drain())
        }
        return Data(bytes)
    }
}
