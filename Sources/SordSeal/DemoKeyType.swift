import COpenSSL

extension DemoPKI {
    /// The kinds of key the demo PKI creates.
    public enum KeyType: String, Sendable, CaseIterable {
        /// RSA with a 3072-bit modulus; recipients get RSA-OAEP key transport.
        case rsa3072 = "rsa-3072"
        /// EC on NIST P-256; recipients get ECDH key agreement.
        case ecP256 = "ec-p256"

        /// Creates a fresh key of this type with OpenSSL's default random generator.
        func generateKey() throws -> PrivateKey {
            OpenSSLErrorQueue.clear()
            guard let context = EVP_PKEY_CTX_new_from_name(nil, self == .rsa3072 ? "RSA" : "EC", nil) else {
                throw SealError.pkiFailed(detail: OpenSSLErrorQueue.drain())
            }
            defer { EVP_PKEY_CTX_free(context) }
            guard EVP_PKEY_keygen_init(context) == 1 else {
                throw SealError.pkiFailed(detail: OpenSSLErrorQueue.drain())
            }
            let configured = switch self {
            case .rsa3072: EVP_PKEY_CTX_set_rsa_keygen_bits(context, 3072)
            case .ecP256: EVP_PKEY_CTX_set_group_name(context, "P-256")
            }
            var key: OpaquePointer?
            guard configured == 1, EVP_PKEY_generate(context, &key) == 1, let key else {
                throw SealError.pkiFailed(detail: OpenSSLErrorQueue.drain())
            }
            return PrivateKey(taking: key)
        }
    }
}
