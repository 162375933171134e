import Foundation
import SordCore
import SordSeal
import SordSpool

/// The key pairs of demo users in a keys folder (`ID.key`, `ID.pem`): an existing pair is reused, so
/// a later demo or benchmark run can still open what earlier runs delivered.
struct DemoKeys {
    let folder: String
    let layout: SpoolLayout

    func keyURL(_ id: UserID) -> URL { URL(fileURLWithPath: folder).appendingPathComponent("\(id).key") }
    func certURL(_ id: UserID) -> URL { URL(fileURLWithPath: folder).appendingPathComponent("\(id).pem") }

    /// The user's certificate: the existing pair when it is the one registered for the user
    /// (`registered` is the fingerprint on file), otherwise a new pair from the demo CA. The demo PKI
    /// (CA and server certificate) is created when missing either way, since the API needs it.
    func certificate(for id: UserID, keyType: DemoPKI.KeyType, registered: String?) throws -> RecipientCertificate {
        let pki = try DemoPKI.initialize(in: URL(fileURLWithPath: layout.pki))
        if let registered, FileManager.default.fileExists(atPath: keyURL(id).path),
           let existing = try? RecipientCertificate(pem: Data(contentsOf: certURL(id))), existing.sha256Fingerprint == registered {
            return existing
        }
        try? FileManager.default.removeItem(at: keyURL(id))
        try? FileManager.default.removeItem(at: certURL(id))
        return try pki.issueUserCertificate(commonName: id.rawValue, keyType: keyType, keyOut: keyURL(id), certOut: certURL(id))
    }
}
