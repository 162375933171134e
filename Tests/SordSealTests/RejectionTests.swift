import Foundation
import SordSeal
import Testing

@Suite("Opening refuses what it must")
struct RejectionTests {
    @Test("a flipped byte is rejected", arguments: [0.0, 0.25, 0.5, 0.9, 1.0])
    func flippedByte(position: Double) throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("grace", .ecP256)
        var sealed = try Sealer.seal(Data(repeating: 0x41, count: 4096), to: user.certificate)
        let index = min(sealed.count - 1, Int(Double(sealed.count) * position))
        sealed[index] ^= 0x01

        #expect(throws: SealError.self) {
            try Unsealer.open(sealed, key: user.key, certificate: user.certificate)
        }
    }

    @Test("a key of another user is rejected", arguments: DemoPKI.KeyType.allCases)
    func wrongKey(keyType: DemoPKI.KeyType) throws {
        let pki = try TestPKI()
        let owner = try pki.issueUser("heidi", keyType)
        let other = try pki.issueUser("ivan", keyType)
        let sealed = try Sealer.seal(Data("secret".utf8), to: owner.certificate)

        #expect(throws: SealError.keyDoesNotMatchCertificate) {
            try Unsealer.open(sealed, key: other.key, certificate: owner.certificate)
        }
        #expect(throws: SealError.self) {
            try Unsealer.open(sealed, key: other.key, certificate: other.certificate)
        }
        #expect(throws: SealError.self) {
            try Unsealer.open(sealed, key: other.key, certificate: nil)
        }
    }

    @Test("bytes that are not CMS, or CMS without authentication, are refused")
    func notAuthEnveloped() throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("judy", .rsa3072)
        let plain = try pki.write(Data("hello".utf8), named: "plain.txt")
        let enveloped = pki.root.appendingPathComponent("enveloped.der")
        let made = try shell(
            "/usr/bin/openssl cms -encrypt -aes256 -binary -outform DER -in \(quoted(plain)) -out \(quoted(enveloped)) "
                + quoted(user.certificateURL))
        try #require(made.status == 0, "\(made.errorText)")

        for bytes in [Data("not cms at all".utf8), try Data(contentsOf: enveloped)] {
            #expect {
                try Unsealer.open(bytes, key: user.key, certificate: user.certificate)
            } throws: { error in
                guard case SealError.notAuthEnvelopedData = error else { return false }
                return true
            }
        }
    }

    @Test("content that decompresses beyond the limit is refused")
    func sizeLimit() throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("ken", .ecP256)
        let sealed = try Sealer.seal(Data(count: 1 << 20), to: user.certificate)

        #expect(throws: SealError.plaintextTooLarge(limit: 4096)) {
            try Unsealer.open(sealed, key: user.key, certificate: user.certificate, maxPlaintextBytes: 4096)
        }
    }
}
