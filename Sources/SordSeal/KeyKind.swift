import COpenSSL

/// What kind of public key a certificate or private key holds, as far as sord cares.
enum KeyKind: Equatable, Sendable {
    case rsa(bits: Int)
    case ec(curve: String)
    case other(String)

    /// Reads the algorithm, size or curve of `pkey` (an `EVP_PKEY *`).
    init(_ pkey: OpaquePointer) {
        if EVP_PKEY_is_a(pkey, "RSA") == 1 {
            self = .rsa(bits: Int(EVP_PKEY_get_bits(pkey)))
        } else if EVP_PKEY_is_a(pkey, "EC") == 1 {
            var name = [CChar](repeating: 0, count: 80)
            var length = 0
            if EVP_PKEY_get_group_name(pkey, &name, name.count, &length) == 1 {
                self = .ec(curve: name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
            } else {
                self = .ec(curve: "unknown curve")
            }
        } else {
            let typeName = EVP_PKEY_get0_type_name(pkey).map { String(cString: $0) } ?? "unknown"
            self = .other(typeName)
        }
    }

    /// A short human label: "RSA-3072", "EC P-256".
    var description: String {
        switch self {
        case .rsa(let bits): "RSA-\(bits)"
        case .ec(let curve): "EC \(Self.nistName[curve] ?? curve)"
        case .other(let name): name
        }
    }

    /// Whether sord encrypts to such a key: RSA of at least 2048 bits, or EC P-256/P-384.
    var isAcceptedRecipient: Bool {
        switch self {
        case .rsa(let bits): bits >= 2048
        case .ec(let curve): curve == "prime256v1" || curve == "secp384r1"
        case .other: false
        }
    }

    /// OpenSSL's curve names mapped to NIST's.
    private static let nistName = ["prime256v1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"]
}
