import COpenSSL
import Foundation

/// Builds and signs one X.509 v3 certificate with libcrypto (no `openssl` command line).
struct CertificateBuilder {
    /// The subject's common name (UTF-8).
    var commonName: String
    /// The subject's key; only its public half goes into the certificate.
    var subjectKey: PrivateKey
    /// How long the certificate is valid, counted from now (minus five minutes for clock skew).
    var validityDays: Int
    /// X.509 v3 extensions as OpenSSL configuration values, e.g. (NID_key_usage, "critical,keyCertSign").
    var extensions: [(nid: Int32, value: String)]

    /// Signs with `issuer` (certificate and key), or self-signs with `subjectKey` when `issuer` is nil.
    func sign(by issuer: (certificate: RecipientCertificate, key: PrivateKey)?) throws -> RecipientCertificate {
        OpenSSLErrorQueue.clear()
        guard let certificate = X509_new() else { throw failure() }
        defer { X509_free(certificate) }
        let signingKey = issuer?.key ?? subjectKey
        guard X509_set_version(certificate, 2) == 1,  // 2 means v3
              setRandomSerial(certificate),
              X509_time_adj_ex(X509_getm_notBefore(certificate), 0, -300, nil) != nil,
              X509_time_adj_ex(X509_getm_notAfter(certificate), Int32(validityDays), 0, nil) != nil,
              let subjectName = X509_get_subject_name(certificate),
              X509_NAME_add_entry_by_txt(subjectName, "CN", sord_mbstring_utf8(), commonName, -1, -1, 0) == 1,
              X509_set_issuer_name(certificate, issuer.map { X509_get_subject_name($0.certificate.x509) } ?? subjectName) == 1,
              X509_set_pubkey(certificate, subjectKey.pkey) == 1
        else { throw failure() }

        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer?.certificate.x509 ?? certificate, certificate, nil, nil, 0)
        guard X509V3_set_issuer_pkey(&context, signingKey.pkey) == 1 else { throw failure() }
        for (nid, value) in extensions {
            guard let extensionData = X509V3_EXT_nconf_nid(nil, &context, nid, value) else { throw failure() }
            defer { X509_EXTENSION_free(extensionData) }
            guard X509_add_ext(certificate, extensionData, -1) == 1 else { throw failure() }
        }
        guard X509_sign(certificate, signingKey.pkey, EVP_sha256()) > 0 else { throw failure() }

        let pem = try MemoryBIO.writing { bio in
            guard PEM_write_bio_X509(bio, certificate) == 1 else { throw failure() }
        }
        return try RecipientCertificate(pem: pem)
    }

    /// A random positive 159-bit serial number (RFC 5280 allows up to 20 octets).
    private func setRandomSerial(_ certificate: OpaquePointer) -> Bool {
        guard let number = BN_new() else { return false }
        defer { BN_free(number) }
        return BN_rand(number, 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
            && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nil
    }

    private func failure() -> SealError {
        .pkiFailed(detail: OpenSSLErrorQueue.drain())
    }
}
