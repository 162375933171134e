import Foundation
import SordSeal
import Testing

@Suite("Certificates and keys")
struct CertificateTests {
    /// Self-signed certificates made with the openssl command line, with the key sord must see.
    @Test("key types and sizes are checked",
          arguments: [
              ("-newkey rsa:1024", "RSA-1024", false),
              ("-newkey ec -pkeyopt ec_paramgen_curve:P-521", "EC P-521", false),
              ("-newkey ed25519", "ED25519", false),
              ("-newkey rsa:2048", "RSA-2048", true),
              ("-newkey ec -pkeyopt ec_paramgen_curve:P-384", "EC P-384", true),
          ])
    func keyPolicy(newKey: String, description: String, accepted: Bool) throws {
        let pki = try TestPKI()
        let certificateURL = pki.root.appendingPathComponent("c.pem")
        let made = try shell(
            "/usr/bin/openssl req -x509 -nodes -days 1 -subj /CN=test \(newKey) "
                + "-keyout \(quoted(pki.root.appendingPathComponent("c.key"))) -out \(quoted(certificateURL))")
        try #require(made.status == 0, "\(made.errorText)")
        let pem = try Data(contentsOf: certificateURL)

        if accepted {
            #expect(try RecipientCertificate(pem: pem).keyDescription == description)
        } else {
            #expect(throws: SealError.unsupportedKey(description: description)) {
                try RecipientCertificate(pem: pem)
            }
        }
    }

    @Test("garbage is not a certificate and not a key")
    func garbage() {
        #expect {
            try RecipientCertificate(pem: Data("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".utf8))
        } throws: { error in
            guard case SealError.invalidCertificate = error else { return false }
            return true
        }
        #expect {
            try PrivateKey(pem: Data("nothing".utf8))
        } throws: { error in
            guard case SealError.invalidPrivateKey = error else { return false }
            return "\(error)".contains("routines")
        }
    }

    @Test("certificate details are exposed", arguments: [(DemoPKI.KeyType.rsa3072, "RSA-3072"), (.ecP256, "EC P-256")])
    func details(keyType: DemoPKI.KeyType, description: String) throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("laura", keyType)
        let certificate = user.certificate

        #expect(certificate.keyDescription == description)
        #expect(user.key.keyDescription == description)
        #expect(certificate.subject == "CN=laura")
        let days = certificate.notAfter.timeIntervalSince(certificate.notBefore) / 86_400
        #expect(abs(days - 730) < 0.01, "valid for two years (plus five minutes back-dating)")
        #expect(String(decoding: certificate.pem, as: UTF8.self).hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(try RecipientCertificate(pem: certificate.pem).der == certificate.der)
        #expect(try RecipientCertificate(pem: Data(contentsOf: user.certificateURL)).sha256Fingerprint
            == certificate.sha256Fingerprint)
    }

    @Test("a non-ASCII common name round trips as UTF-8 in the subject")
    func utf8Subject() throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("José Ñandú, Jr.", .ecP256)
        #expect(user.certificate.subject == #"CN=José Ñandú\, Jr."#)
        let stock = try shell("/usr/bin/openssl x509 -noout -subject -nameopt utf8,sep_comma_plus -in \(quoted(user.certificateURL))")
        #expect(stock.outputText.contains("José Ñandú"))
    }

    @Test("an encrypted private key is refused instead of prompting")
    func encryptedKey() throws {
        let pki = try TestPKI()
        let keyURL = pki.root.appendingPathComponent("enc.key")
        let made = try shell("/usr/bin/openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes256 -pass pass:secret -out \(quoted(keyURL))")
        try #require(made.status == 0, "\(made.errorText)")
        #expect {
            try PrivateKey(pem: Data(contentsOf: keyURL))
        } throws: { error in
            guard case SealError.invalidPrivateKey = error else { return false }
            return true
        }
    }
}
