import Foundation
import SordCore
import SordSeal
import SordSpool
import SordStore

/// A ready-to-use world for the demo and the benchmark: synthetic reference data imported, and a
/// practitioner user for one synthetic representative who holds TDS authority on an e-File
/// application and authorizations on the CAF, with a generated key pair.
struct SyntheticScenario {
    /// A transcript request the practitioner is authorized to make.
    struct AuthorizedItem {
        let tin: String
        let nameControl: String
        let form: String
        let period: String
    }

    let practitioner: UserID
    let representative: SyntheticRepresentative
    let authorizedItems: [AuthorizedItem]
    let keyURL: URL
    let certURL: URL

    /// Imports `dataset` and registers the best-suited representative as a sord practitioner.
    static func prepare(dataset: SyntheticDataset, database: SordDatabase, layout: SpoolLayout, keysFolder: String,
                        keyType: DemoPKI.KeyType = .rsa3072) throws -> SyntheticScenario {
        try database.write { db in
            let reference = ReferenceData(db)
            try dataset.generate { record in _ = try reference.upsert(record) }
        }
        return try practitioner(rank: 0, dataset: dataset, database: database, layout: layout, keysFolder: keysFolder, keyType: keyType)
    }

    /// Registers a representative of the imported `dataset` with TDS authority as a sord
    /// practitioner: the one with the most authorizations at `rank` 0, the next at 1, and so on.
    static func practitioner(rank: Int, dataset: SyntheticDataset, database: SordDatabase, layout: SpoolLayout, keysFolder: String,
                             keyType: DemoPKI.KeyType = .rsa3072) throws -> SyntheticScenario {
        let tdsUsers = Set(dataset.efileUsers().filter(\.holdsTDS).map(\.user))
        let authorizations = dataset.authorizations().filter { $0.status == .active }
        let byCAF = Dictionary(grouping: authorizations, by: \.caf)
        let ranked = dataset.representatives()
            .filter({ $0.record.inGoodStanding && tdsUsers.contains($0.userID) })
            .enumerated()
            .sorted { ((byCAF[$0.element.record.caf]?.count ?? 0), $1.offset) > ((byCAF[$1.element.record.caf]?.count ?? 0), $0.offset) }
            .map(\.element)
        guard rank < ranked.count, let userID = UserID(ranked[rank].userID)
        else { throw SordCLIError("the synthetic dataset has fewer than \(rank + 1) representatives with TDS authority") }
        let representative = ranked[rank]

        var items: [AuthorizedItem] = []
        try database.read { db in
            let reference = ReferenceData(db)
            for authorization in byCAF[representative.record.caf] ?? [] {
                guard let tin = try? TIN(parsing: authorization.tin), let entity = try reference.entity(tin: tin),
                      let control = entity.name.nameControl else { continue }
                for matter in authorization.matters where matter.form != "Civil Penalty" {
                    for period in matter.periods {
                        items.append(AuthorizedItem(tin: authorization.tin, nameControl: control.value, form: matter.form, period: period))
                    }
                }
            }
        }

        let keys = DemoKeys(folder: keysFolder, layout: layout)
        let keyURL = keys.keyURL(userID)
        let certURL = keys.certURL(userID)
        let registered = try database.read { db in try UserRecord.find(userID.rawValue, in: db)?.certFingerprint }
        let certificate = try keys.certificate(for: userID, keyType: keyType, registered: registered)
        guard case let .person(first, middle, last, suffix) = representative.record.name else {
            throw SordCLIError("the chosen representative is not a person")
        }
        let now = Timestamp.iso(Date())
        try database.write { db in
            var user = UserRecord(id: userID.rawValue, kind: .practitioner, first: first, middle: middle, last: last, suffix: suffix,
                                  tin: representative.record.tin ?? "", ptin: representative.record.ptin,
                                  caf: try CAFNumber(parsing: representative.record.caf).description, state: .active,
                                  certPEM: certificate.pem, certFingerprint: certificate.sha256Fingerprint, createdAt: now)
            if let existing = try UserRecord.find(userID.rawValue, in: db) { user.createdAt = existing.createdAt }
            try user.save(in: db)
        }
        try layout.createUserFolders(userID)
        return SyntheticScenario(practitioner: userID, representative: representative, authorizedItems: items,
                                 keyURL: keyURL, certURL: certURL)
    }

    /// A transcript-request document for the given items (one request line per item).
    static func transcriptRequest(_ items: [AuthorizedItem], product: String = "account", clientRef: String) -> Data {
        let lines = items.map { item in
            #"{"tin":"\#(item.tin)","nameControl":"\#(item.nameControl)","product":"\#(product)","form":"\#(item.form)","periods":["\#(item.period)"]}"#
        }
        return Data((#"{"type":"transcript-request","clientRef":"\#(clientRef)","requests":["# + lines.joined(separator: ",") + "]}").utf8)
    }
}

/// A plain error message for the command line.
struct SordCLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
