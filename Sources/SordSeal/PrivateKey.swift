import COpenSSL
import Foundation

/// A private key (RSA or EC) read from unencrypted PEM, for opening sealed files.
///
/// Holds OpenSSL's parsed key, never changes after creation and frees it on deinit.
public final class PrivateKey: @unchecked Sendable {
    /// The parsed `EVP_PKEY *`; owned by this object.
    let pkey: OpaquePointer

    /// The key's algorithm and size: "RSA-3072", "EC P-256".
    public let keyDescription: String

    /// Parses an unencrypted PEM private key (PKCS#8 "PRIVATE KEY", or "RSA/EC PRIVATE KEY").
    /// Passphrase-protected keys are refused rather than prompting on a terminal.
    /// - Throws: `SealError.invalidPrivateKey`.
    public convenience init(pem: Data) throws {
        OpenSSLErrorQueue.clear()
        let parsed: OpaquePointer? = try pem.withUnsafeBytes { bytes in
            try MemoryBIO.reading(bytes) { bio in
                PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
            }
        }
        guard let parsed else {
            throw SealError.invalidPrivateKey(detail: OpenSSLErrorQueue.drain())
        }
        self.init(taking: parsed)
    }

    /// Takes ownership of an `EVP_PKEY *` (a freshly generated key).
    init(taking pkey: OpaquePointer) {
        self.pkey = pkey
        keyDescription = KeyKind(pkey).description
    }

    deinit {
        EVP_PKEY_free(pkey)
    }

    /// The key as unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), readable by `openssl -inkey`.
    func pkcs8PEM() throws -> Data {
        try MemoryBIO.writing { bio in
            guard PEM_write_bio_PrivateKey(bio, pkey, nil, nil, 0, nil, nil) == 1 else {
                throw SealError.pkiFailed(detail: OpenSSLErrorQueue.drain())
            }
        }
    }

    /// Whether this key is the private half of `certificate`'s public key.
    public func matches(_ certificate: RecipientCertificate) -> Bool {
        let result = X509_check_private_key(certificate.x509, pkey) == 1
        OpenSSLErrorQueue.clear()
        return result
    }
}
