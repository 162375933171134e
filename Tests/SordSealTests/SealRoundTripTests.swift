import Foundation
import SordSeal
import Testing

@Suite("Sealing and opening")
struct SealRoundTripTests {
    @Test("seal then open returns the payload", arguments: DemoPKI.KeyType.allCases)
    func roundTrip(keyType: DemoPKI.KeyType) throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("alice", keyType)
        let payload = Data(#"{"type":"ack","status":"accepted"}"#.utf8)

        let sealed = try Sealer.seal(payload, to: user.certificate)

        #expect(try Unsealer.open(sealed, key: user.key, certificate: user.certificate) == payload)
        #expect(try Unsealer.open(sealed, key: user.key, certificate: nil) == payload)
        #expect(sealed.range(of: payload) == nil, "the payload must not appear in clear")
    }

    @Test("a 1 MiB payload round trips", arguments: DemoPKI.KeyType.allCases)
    func largePayload(keyType: DemoPKI.KeyType) throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("bulk", keyType)
        let payload = pseudoRandomBytes(count: 1 << 20)

        let sealed = try Sealer.seal(payload, to: user.certificate)

        #expect(try Unsealer.open(sealed, key: user.key, certificate: user.certificate) == Data(payload))
    }

    @Test("an empty payload round trips")
    func emptyPayload() throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("empty", .ecP256)
        let sealed = try Sealer.seal(Data(), to: user.certificate)
        #expect(try Unsealer.open(sealed, key: user.key, certificate: user.certificate).isEmpty)
    }

    @Test("sealing the same payload twice gives different ciphertexts")
    func freshKeys() throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("carol", .ecP256)
        let payload = Data("same".utf8)
        #expect(try Sealer.seal(payload, to: user.certificate) != Sealer.seal(payload, to: user.certificate))
    }

    @Test("one certificate serves many concurrent seals", arguments: DemoPKI.KeyType.allCases)
    func concurrentSeals(keyType: DemoPKI.KeyType) async throws {
        let pki = try TestPKI()
        let user = try pki.issueUser("olivia", keyType)
        let certificate = user.certificate

        let sealed = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for index in 0..<64 {
                group.addTask { (index, try Sealer.seal(Data("payload \(index)".utf8), to: certificate)) }
            }
            return try await group.reduce(into: [(Int, Data)]()) { $0.append($1) }
        }

        #expect(sealed.count == 64)
        for (index, file) in sealed {
            #expect(try Unsealer.open(file, key: user.key, certificate: certificate) == Data("payload \(index)".utf8))
        }
    }
}
