import Foundation
import SordSeal
import Testing

@Suite("Demo PKI")
struct DemoPKITests {
    @Test("openssl verify accepts the server and issued user certificates", arguments: DemoPKI.KeyType.allCases)
    func verify(keyType: DemoPKI.KeyType) throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("mallory", keyType)

        for certificate in [user.certificateURL, pki.pki.serverCertificateURL] {
            let result = try shell(
                "/usr/bin/openssl verify -CAfile \(quoted(pki.pki.caCertificateURL)) \(quoted(certificate))")
            #expect(result.status == 0, "\(result.outputText) \(result.errorText)")
        }
        let purposes = try shell("/usr/bin/openssl x509 -noout -ext extendedKeyUsage,basicConstraints -in \(quoted(user.certificateURL))")
        #expect(purposes.outputText.contains("TLS Web Client Authentication, E-mail Protection"))
        #expect(purposes.outputText.contains("CA:FALSE"))
    }

    @Test("the server certificate names localhost and 127.0.0.1 for serverAuth; the CA is a CA")
    func serverAndCA() throws {
        let pki = try TestPKI()
        let server = try shell(
            "/usr/bin/openssl x509 -noout -ext subjectAltName,extendedKeyUsage -in \(quoted(pki.pki.serverCertificateURL))")
        #expect(server.status == 0, "\(server.errorText)")
        #expect(server.outputText.contains("DNS:localhost, IP Address:127.0.0.1"))
        #expect(server.outputText.contains("TLS Web Server Authentication"))

        let ca = try shell("/usr/bin/openssl x509 -noout -ext basicConstraints,keyUsage -in \(quoted(pki.pki.caCertificateURL))")
        #expect(ca.outputText.contains("CA:TRUE"))
        #expect(ca.outputText.contains("Certificate Sign"))
        let days = pki.pki.caCertificate.notAfter.timeIntervalSince(pki.pki.caCertificate.notBefore) / 86_400
        #expect(abs(days - 3650) < 0.01)
    }

    @Test("initialize is idempotent and keeps keys private")
    func idempotentAndPrivate() throws {
        let pki = try TestPKI()
        let again = try DemoPKI.initialize(in: pki.pki.directory)

        #expect(again.caCertificate.sha256Fingerprint == pki.pki.caCertificate.sha256Fingerprint)
        #expect(again.serverCertificate.sha256Fingerprint == pki.pki.serverCertificate.sha256Fingerprint)
        #expect(try mode(pki.pki.directory) == 0o700)
        #expect(try mode(pki.pki.caKeyURL) == 0o600)
        #expect(try mode(pki.pki.serverKeyURL) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: pki.pki.directory.path).sorted()
        #expect(leftovers == ["ca.key", "ca.pem", "server.key", "server.pem"])
    }

    @Test("a missing certificate is re-created from its key; a certificate without its key is an error")
    func recovery() throws {
        let pki = try TestPKI()
        let serverKeyBefore = try Data(contentsOf: pki.pki.serverKeyURL)
        try FileManager.default.removeItem(at: pki.pki.serverCertificateURL)

        let repaired = try DemoPKI.initialize(in: pki.pki.directory)
        #expect(try Data(contentsOf: pki.pki.serverKeyURL) == serverKeyBefore)
        #expect(try PrivateKey(pem: serverKeyBefore).matches(repaired.serverCertificate))

        try FileManager.default.removeItem(at: pki.pki.caKeyURL)
        #expect {
            try DemoPKI.initialize(in: pki.pki.directory)
        } throws: { error in
            guard case SealError.pkiInconsistent = error else { return false }
            return true
        }
    }

    @Test("issuing never overwrites an existing key or certificate")
    func noOverwrite() throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("nick", .ecP256)
        let keyBefore = try Data(contentsOf: user.keyURL)

        #expect(throws: SealError.fileExists(path: user.keyURL.path)) {
            try pki.pki.issueUserCertificate(commonName: "nick", keyType: .ecP256,
                                             keyOut: user.keyURL, certOut: pki.root.appendingPathComponent("new.pem"))
        }
        #expect(try Data(contentsOf: user.keyURL) == keyBefore)
        #expect(try mode(user.keyURL) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: pki.root.appendingPathComponent("new.pem").path))
    }

    @Test("issued serial numbers differ")
    func randomSerials() throws {
        let pki = try TestPKI()
        let serials = try (0..<3).map { index in
            let user = try pki.issueUser("serial\(index)", .ecP256)
            return try shell("/usr/bin/openssl x509 -noout -serial -in \(quoted(user.certificateURL))").outputText
        }
        #expect(Set(serials).count == 3)
    }

    private func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
