import Foundation
import SordCore

/// The documents the demo submits, built from synthetic reference data so every name, address and
/// number matches the Master File and the CAF.
enum DemoDocuments {
    /// A Tax Pro Account request for a Form 8821 (income tax, the given years).
    static func taxProAccountRequest(taxpayer: EntityRecord, representative: SyntheticRepresentative, years: [Int],
                                     clientRef: String) -> Data {
        document([
            "type": "authorization", "form": "8821", "channel": "tax-pro-account", "clientRef": clientRef,
            "taxpayer": ["name": name(taxpayer.name), "tin": taxpayer.tin, "address": address(taxpayer.address)],
            "representatives": [[
                "name": name(representative.record.name), "caf": representative.record.caf,
                "address": address(representative.record.address), "receiveNotices": false,
            ]],
            "matters": [["description": "Income", "form": "1040", "periods": years.map(String.init)]],
        ])
    }

    /// A complete, signed Form 2848 for the upload channel (enrolled agent, income tax).
    static func upload2848(taxpayer: EntityRecord, representative: SyntheticRepresentative, years: [Int], signedOn: String,
                           clientRef: String) -> Data {
        var rep: [String: Any] = [
            "name": name(representative.record.name), "caf": representative.record.caf,
            "address": address(representative.record.address), "receiveNotices": true,
            "designation": "c", "jurisdiction": representative.record.address.state, "signedOn": signedOn,
        ]
        if let ptin = representative.record.ptin { rep["ptin"] = ptin }
        var signer = ""
        if case let .person(first, _, last, _) = taxpayer.name { signer = "\(first) \(last)" }
        return document([
            "type": "authorization", "form": "2848", "channel": "upload", "clientRef": clientRef,
            "taxpayer": ["name": name(taxpayer.name), "tin": taxpayer.tin, "address": address(taxpayer.address)],
            "representatives": [rep],
            "matters": [["description": "Income", "form": "1040", "periods": years.map(String.init)]],
            "taxpayerSignature": ["signedOn": signedOn, "name": signer],
        ])
    }

    private static func name(_ name: RecordName) -> [String: Any] {
        switch name {
        case let .person(first, middle, last, suffix):
            var out: [String: Any] = ["first": first, "last": last]
            if let middle { out["middle"] = middle }
            if let suffix { out["suffix"] = suffix }
            return out
        case let .business(business):
            return ["business": business]
        }
    }

    private static func address(_ address: RecordAddress) -> [String: Any] {
        ["street": address.street, "city": address.city, "state": address.state, "zip": address.zip]
    }

    private static func document(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
