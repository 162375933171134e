import COpenSSL
import Crypto
import Foundation

/// A user's X.509 certificate, parsed once and kept ready for sealing to it.
///
/// Creating one checks that its key is one sord encrypts to (RSA ≥ 2048 bits, EC P-256/P-384).
/// It holds OpenSSL's parsed certificate, never changes after creation, and frees it on deinit,
/// so one instance can be shared by many concurrent `Sealer.seal` calls.
public final class RecipientCertificate: @unchecked Sendable {
    /// The parsed `X509 *`; owned by this object.
    let x509: OpaquePointer
    /// The certificate's public key (`EVP_PKEY *`); owned by this object.
    let publicKey: OpaquePointer
    /// The key's algorithm; decides RSA-OAEP key transport or ECDH key agreement.
    let keyKind: KeyKind

    /// The certificate in DER form; its SHA-256 is `sha256Fingerprint`.
    public let der: Data
    /// The certificate in PEM form (one `CERTIFICATE` block, as OpenSSL writes it).
    public let pem: Data
    /// Lowercase hex SHA-256 of `der`, without separators; the API maps client certificates to users by it.
    public let sha256Fingerprint: String
    /// The subject distinguished name in RFC 2253 form ("CN=…,O=…"). May name a person: keep it out of logs.
    public let subject: String
    /// The start of the validity period.
    public let notBefore: Date
    /// The end of the validity period.
    public let notAfter: Date
    /// The key's algorithm and size: "RSA-3072", "EC P-256".
    public let keyDescription: String

    /// Parses the first certificate in `pem` and checks its key type and size.
    /// - Throws: `SealError.invalidCertificate` or `SealError.unsupportedKey`.
    public init(pem: Data) throws {
        OpenSSLErrorQueue.clear()
        let parsed: OpaquePointer? = try pem.withUnsafeBytes { bytes in
            try MemoryBIO.reading(bytes) { bio in PEM_read_bio_X509(bio, nil, nil, nil) }
        }
        guard let parsed else {
            throw SealError.invalidCertificate(detail: OpenSSLErrorQueue.drain())
        }
        guard let key = X509_get_pubkey(parsed) else {
            X509_free(parsed)
            throw SealError.invalidCertificate(detail: "no readable public key: \(OpenSSLErrorQueue.drain())")
        }
        let kind = KeyKind(key)
        let encodings = (der: Self.derBytes(of: parsed), pem: Self.pemBytes(of: parsed))
        guard kind.isAcceptedRecipient, let der = encodings.der, let canonicalPEM = encodings.pem else {
            EVP_PKEY_free(key)
            X509_free(parsed)
            throw kind.isAcceptedRecipient
                ? SealError.invalidCertificate(detail: "cannot encode: \(OpenSSLErrorQueue.drain())")
                : SealError.unsupportedKey(description: kind.description)
        }
        x509 = parsed
        publicKey = key
        keyKind = kind
        keyDescription = kind.description
        self.der = der
        self.pem = canonicalPEM
        sha256Fingerprint = SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
        subject = Self.rfc2253(X509_get_subject_name(parsed))
        notBefore = Self.date(X509_get0_notBefore(parsed))
        notAfter = Self.date(X509_get0_notAfter(parsed))
    }

    deinit {
        EVP_PKEY_free(publicKey)
        X509_free(x509)
    }

    private static func derBytes(of certificate: OpaquePointer) -> Data? {
        let length = i2d_X509(certificate, nil)
        guard length > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            _ = i2d_X509(certificate, &cursor)
        }
        return Data(bytes)
    }

    private static func pemBytes(of certificate: OpaquePointer) -> Data? {
        var written = false
        let pem = try? MemoryBIO.writing { bio in written = PEM_write_bio_X509(bio, certificate) == 1 }
        return written ? pem : nil
    }

    private static func rfc2253(_ name: OpaquePointer?) -> String {
        guard let name else { return "" }
        let text = try? MemoryBIO.writing { bio in
            _ = X509_NAME_print_ex(bio, name, 0, sord_xn_flag_rfc2253_utf8())
        }
        return text.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return Date(timeIntervalSince1970: 0) }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
