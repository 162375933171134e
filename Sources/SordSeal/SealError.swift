/// Why sealing, opening, reading a certificate or key, or running the demo PKI failed.
///
/// Each message is meant for an operator: it says what went wrong and carries OpenSSL's own error
/// text where OpenSSL was involved. Messages never contain a certificate's subject (it may name a
/// person), only key types, sizes, file paths and OpenSSL's text.
public enum SealError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not a readable X.509 certificate (PEM).
    case invalidCertificate(detail: String)
    /// The certificate's key is not one sord encrypts to (RSA ≥ 2048 bits, EC P-256 or P-384).
    case unsupportedKey(description: String)
    /// The bytes are not a readable, unencrypted private key (PEM).
    case invalidPrivateKey(detail: String)
    /// The private key given does not belong to the certificate given.
    case keyDoesNotMatchCertificate
    /// OpenSSL could not build the CMS structure.
    case sealingFailed(detail: String)
    /// The sealed bytes are not DER CMS AuthEnvelopedData.
    case notAuthEnvelopedData(detail: String)
    /// Decryption failed: the file was changed, or it is not addressed to this key.
    case openingFailed(detail: String)
    /// The decrypted content is not valid gzip.
    case decompressionFailed(detail: String)
    /// The decompressed content would exceed the limit the caller set.
    case plaintextTooLarge(limit: Int)
    /// Creating a key or a certificate for the demo PKI failed.
    case pkiFailed(detail: String)
    /// The demo PKI folder holds a certificate without its private key, or a mismatched pair.
    case pkiInconsistent(path: String, detail: String)
    /// A key or certificate file already exists and sord does not overwrite it.
    case fileExists(path: String)
    /// Reading or writing a file failed.
    case fileSystem(path: String, detail: String)

    public var description: String {
        switch self {
        case .invalidCertificate(let detail):
            "not a readable X.509 certificate in PEM form (\(detail))"
        case .unsupportedKey(let description):
            "unsupported certificate key \(description): sord needs RSA of at least 2048 bits or EC P-256/P-384"
        case .invalidPrivateKey(let detail):
            "not a readable unencrypted private key in PEM form (\(detail))"
        case .keyDoesNotMatchCertificate:
            "the private key does not belong to the certificate"
        case .sealingFailed(let detail):
            "sealing failed (\(detail))"
        case .notAuthEnvelopedData(let detail):
            "not a sealed sord file: expected DER CMS AuthEnvelopedData (\(detail))"
        case .openingFailed(let detail):
            "cannot open the sealed file: it was altered or is not addressed to this key (\(detail))"
        case .decompressionFailed(let detail):
            "the decrypted content is not valid gzip (\(detail))"
        case .plaintextTooLarge(let limit):
            "the decompressed content exceeds the limit of \(limit) bytes"
        case .pkiFailed(let detail):
            "demo PKI: creating a key or certificate failed (\(detail))"
        case .pkiInconsistent(let path, let detail):
            "demo PKI: \(path): \(detail)"
        case .fileExists(let path):
            "\(path) already exists; sord does not overwrite keys or certificates"
        case .fileSystem(let path, let detail):
            "\(path): \(detail)"
        }
    }
}
