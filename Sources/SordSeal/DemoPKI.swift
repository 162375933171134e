import COpenSSL
import Foundation

/// A local demo certificate authority, so a demo needs no manual `openssl` steps (`sord pki init`).
///
/// Its folder (e.g. `spool/state/pki`, mode 0700) holds `ca.key` + `ca.pem` (a self-signed CA,
/// 10 years) and `server.key` + `server.pem` (CA-signed, `DNS:localhost`, `IP:127.0.0.1`,
/// serverAuth, 2 years) for the HTTPS API. Keys are written mode 0600, crash-safely, and never
/// overwritten. It also issues user key pairs with CA-signed client certificates.
public struct DemoPKI: Sendable {
    /// The folder holding the CA and server files.
    public let directory: URL
    /// The CA certificate: the trust root for client certificates it issued.
    public let caCertificate: RecipientCertificate
    /// The HTTPS server's certificate.
    public let serverCertificate: RecipientCertificate
    /// The CA's private key, used to sign issued certificates.
    private let caKey: PrivateKey

    /// `ca.key`, the CA's private key.
    public var caKeyURL: URL { directory.appendingPathComponent("ca.key") }
    /// `ca.pem`, the CA certificate.
    public var caCertificateURL: URL { directory.appendingPathComponent("ca.pem") }
    /// `server.key`, the HTTPS server's private key.
    public var serverKeyURL: URL { directory.appendingPathComponent("server.key") }
    /// `server.pem`, the HTTPS server's certificate.
    public var serverCertificateURL: URL { directory.appendingPathComponent("server.pem") }

    /// Creates whatever of the CA and server files is missing in `directory` and loads the rest.
    ///
    /// Idempotent: existing files are kept. A key without its certificate gets a new certificate;
    /// a certificate without its key, or a key that does not match, is an error.
    /// - Parameter keyType: the key type for a newly created CA and server key.
    /// - Throws: `SealError.pkiInconsistent`, `.pkiFailed`, `.fileSystem`.
    public static func initialize(in directory: URL, keyType: KeyType = .ecP256) throws -> DemoPKI {
        try SecureFile.prepareDirectory(directory)
        let urls = (caKey: directory.appendingPathComponent("ca.key"), ca: directory.appendingPathComponent("ca.pem"),
                    serverKey: directory.appendingPathComponent("server.key"), server: directory.appendingPathComponent("server.pem"))
        let (caKey, caCertificate) = try loadOrCreate(keyURL: urls.caKey, certificateURL: urls.ca, keyType: keyType) { key in
            try CertificateBuilder(
                commonName: "sord demo CA", subjectKey: key, validityDays: 3650,
                extensions: [
                    (NID_basic_constraints, "critical,CA:TRUE"),
                    (NID_key_usage, "critical,keyCertSign,cRLSign"),
                    (NID_subject_key_identifier, "hash"),
                ]
            ).sign(by: nil)
        }
        let (_, serverCertificate) = try loadOrCreate(keyURL: urls.serverKey, certificateURL: urls.server, keyType: keyType) { key in
            try CertificateBuilder(
                commonName: "localhost", subjectKey: key, validityDays: 730,
                extensions: [
                    (NID_basic_constraints, "critical,CA:FALSE"),
                    (NID_key_usage, "critical," + leafKeyUsage(for: key)),
                    (NID_ext_key_usage, "serverAuth"),
                    (NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"),
                    (NID_subject_key_identifier, "hash"),
                    (NID_authority_key_identifier, "keyid:always"),
                ]
            ).sign(by: (caCertificate, caKey))
        }
        return DemoPKI(directory: directory, caCertificate: caCertificate, serverCertificate: serverCertificate, caKey: caKey)
    }

    /// Creates a key and a CA-signed client certificate (clientAuth + emailProtection, 2 years,
    /// random serial) for a user, writing the key (mode 0600) to `keyOut` and the certificate to `certOut`.
    ///
    /// Missing parent folders of `keyOut` are created with mode 0700.
    /// - Returns: the new certificate (its `sha256Fingerprint` identifies the user to the API).
    /// - Throws: `SealError.fileExists` if either file exists (nothing is written then), `.pkiFailed`, `.fileSystem`.
    public func issueUserCertificate(commonName: String, keyType: KeyType, keyOut: URL, certOut: URL) throws -> RecipientCertificate {
        for url in [keyOut, certOut] where FileManager.default.fileExists(atPath: url.path) {
            throw SealError.fileExists(path: url.path)
        }
        let key = try keyType.generateKey()
        let certificate = try CertificateBuilder(
            commonName: commonName, subjectKey: key, validityDays: 730,
            extensions: [
                (NID_basic_constraints, "critical,CA:FALSE"),
                (NID_key_usage, "critical," + Self.leafKeyUsage(for: key)),
                (NID_ext_key_usage, "clientAuth,emailProtection"),
                (NID_subject_key_identifier, "hash"),
                (NID_authority_key_identifier, "keyid:always"),
            ]
        ).sign(by: (caCertificate, caKey))
        for folder in Set([keyOut.deletingLastPathComponent(), certOut.deletingLastPathComponent()])
        where !FileManager.default.fileExists(atPath: folder.path) {
            try SecureFile.prepareDirectory(folder)
        }
        try SecureFile.writeNew(try key.pkcs8PEM(), to: keyOut, mode: 0o600)
        try SecureFile.writeNew(certificate.pem, to: certOut, mode: 0o644)
        return certificate
    }

    /// Key usage for an end-entity key: RSA encrypts the content key, EC agrees on one.
    private static func leafKeyUsage(for key: PrivateKey) -> String {
        if case .rsa = KeyKind(key.pkey) { "digitalSignature,keyEncipherment" } else { "digitalSignature,keyAgreement" }
    }

    /// Loads a key/certificate pair, creating the key (first) and the certificate (second) if missing.
    private static func loadOrCreate(
        keyURL: URL, certificateURL: URL, keyType: KeyType,
        makeCertificate: (PrivateKey) throws -> RecipientCertificate
    ) throws -> (PrivateKey, RecipientCertificate) {
        let fileManager = FileManager.default
        let haveKey = fileManager.fileExists(atPath: keyURL.path)
        let haveCertificate = fileManager.fileExists(atPath: certificateURL.path)
        if haveCertificate && !haveKey {
            throw SealError.pkiInconsistent(
                path: certificateURL.path,
                detail: "the certificate exists without its private key \(keyURL.lastPathComponent); remove it to create a new pair")
        }
        let key: PrivateKey
        if haveKey {
            key = try PrivateKey(pem: read(keyURL))
        } else {
            key = try keyType.generateKey()
            try SecureFile.writeNew(try key.pkcs8PEM(), to: keyURL, mode: 0o600)
        }
        if haveCertificate {
            let certificate = try RecipientCertificate(pem: read(certificateURL))
            guard key.matches(certificate) else {
                throw SealError.pkiInconsistent(path: certificateURL.path, detail: "does not match the key \(keyURL.lastPathComponent)")
            }
            return (key, certificate)
        }
        let certificate = try makeCertificate(key)
        try SecureFile.writeNew(certificate.pem, to: certificateURL, mode: 0o644)
        return (key, certificate)
    }

    private static func read(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SealError.fileSystem(path: url.path, detail: "cannot read: \(error.localizedDescription)")
        }
    }
}
