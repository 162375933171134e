import Foundation
import SordSeal
import Testing

/// What we seal must be readable with the stock command line, exactly as SPEC 7 tells users.
@Suite("Interoperability with the openssl command line")
struct StockOpenSSLTests {
    @Test("openssl cms -decrypt | gunzip gives back the payload", arguments: DemoPKI.KeyType.allCases)
    func stockDecrypt(keyType: DemoPKI.KeyType) throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("dave", keyType)
        let payload = Data(pseudoRandomBytes(count: 3000) + Array("\nline two\r\n".utf8))
        let file = try pki.write(try Sealer.seal(payload, to: user.certificate), named: "x.ack.json.gz.p7m")

        let result = try shell(
            "/usr/bin/openssl cms -decrypt -inform DER -in \(quoted(file)) -recip \(quoted(user.certificateURL)) "
                + "-inkey \(quoted(user.keyURL)) | gunzip")

        #expect(result.status == 0, "\(result.errorText)")
        #expect(result.output == payload)
    }

    @Test("the structure is AuthEnvelopedData with AES-256-GCM and the expected key management",
          arguments: [(DemoPKI.KeyType.rsa3072, "rsaesOaep"), (.ecP256, "dhSinglePass-stdDH-sha256kdf-scheme")])
    func structure(keyType: DemoPKI.KeyType, keyManagement: String) throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("erin", keyType)
        let file = try pki.write(try Sealer.seal(Data("x".utf8), to: user.certificate), named: "x.p7m")

        let result = try shell("/usr/bin/openssl cms -cmsout -print -inform DER -in \(quoted(file))")

        #expect(result.status == 0, "\(result.errorText)")
        let text = result.outputText
        #expect(text.contains("contentType: id-smime-ct-authEnvelopedData (1.2.840.113549.1.9.16.1.23)"))
        #expect(text.contains("aes-256-gcm"))
        #expect(text.contains(keyManagement))
    }

    @Test("sha256Fingerprint equals openssl x509 -fingerprint -sha256", arguments: DemoPKI.KeyType.allCases)
    func fingerprint(keyType: DemoPKI.KeyType) throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("frank", keyType)

        let result = try shell("/usr/bin/openssl x509 -noout -fingerprint -sha256 -in \(quoted(user.certificateURL))")

        #expect(result.status == 0, "\(result.errorText)")
        let stock = result.outputText.split(separator: "=", maxSplits: 1).last.map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: ":", with: "").lowercased()
        }
        #expect(stock == user.certificate.sha256Fingerprint)
        #expect(user.certificate.sha256Fingerprint.count == 64)
    }
}
