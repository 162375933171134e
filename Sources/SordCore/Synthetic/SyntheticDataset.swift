/// Synthetic reference data for demos, benchmarks and tests: taxpayers (individuals and
/// businesses) with their Master File modules (individuals' with an account history of payments,
/// examinations and plans, `SyntheticAccountHistory`), CAF representatives and the authorizations
/// naming them, and e-File firms with principals, responsible officials and delegates.
///
/// Fully determined by `taxpayers`, `seed` and `latestTaxYear`: the same inputs give the same
/// records in the same order, on any machine. Each item is derived from its own index, so the
/// data streams in constant memory (only the representatives, about one per 40 taxpayers, are
/// held) and any one taxpayer can be rebuilt on its own.
public struct SyntheticDataset: Sendable {
    /// How many taxpayers (Master File entities besides the representatives' own).
    public let taxpayers: Int
    public let seed: UInt64
    /// The newest tax year with modules; modules cover it and the 3 years before.
    public let latestTaxYear: Int

    private let identifiers: SyntheticIdentifiers
    private let payers: SyntheticModules.Payers

    /// A dataset of `taxpayers` taxpayers. `latestTaxYear` is a parameter, not today's year, so the
    /// data never depends on the clock.
    public init(taxpayers: Int, seed: UInt64, latestTaxYear: Int = 2025) {
        self.taxpayers = max(0, taxpayers)
        self.seed = seed
        self.latestTaxYear = latestTaxYear
        identifiers = SyntheticIdentifiers(seed: seed)
        payers = SyntheticModules.Payers(seed: seed, identifiers: identifiers)
    }

    /// How many representatives: one per 40 taxpayers, at least 4.
    public var representativeCount: Int { max(4, taxpayers / 40) }

    /// The years every taxpayer's modules may cover.
    public var taxYears: ClosedRange<Int> { (latestTaxYear - 3)...latestTaxYear }

    /// Every record, in order: representatives (each with its own Master File entity), the e-File
    /// applications, then each taxpayer's entity, modules and authorizations.
    public func generate(_ emit: (ReferenceRecord) throws -> Void) rethrows {
        let representatives = self.representatives()
        for r in representatives {
            try emit(.entity(r.entity))
            try emit(.representative(r.record))
        }
        for user in efileUsers(representatives) { try emit(.efileUser(user)) }
        for i in 0..<taxpayers {
            let taxpayer = taxpayer(i, representatives: representatives)
            try emit(.entity(taxpayer.entity))
            for module in taxpayer.modules { try emit(.module(module)) }
            for authorization in taxpayer.authorizations { try emit(.cafAuthorization(authorization)) }
        }
    }

    /// Every record in an array (for small datasets: demos and tests).
    public func records() -> [ReferenceRecord] {
        var all: [ReferenceRecord] = []
        generate { all.append($0) }
        return all
    }

    /// The representatives, in order.
    public func representatives() -> [SyntheticRepresentative] {
        (0..<representativeCount).map(representative)
    }

    /// Taxpayer number `index` (0 ..< `taxpayers`).
    public func taxpayer(_ index: Int) -> SyntheticTaxpayer {
        taxpayer(index, representatives: representatives())
    }

    /// Every authorization, in order (walks all taxpayers).
    public func authorizations() -> [CAFAuthorizationRecord] {
        let representatives = self.representatives()
        return (0..<taxpayers).flatMap { taxpayer($0, representatives: representatives).authorizations }
    }

    /// The e-File application members: firms of 1–5 representatives, the first a principal, the
    /// second (in firms of three or more) a responsible official, the rest delegates, 60% of whom
    /// hold TDS.
    public func efileUsers() -> [EFileUserRecord] {
        efileUsers(representatives())
    }

    // MARK: Making the items

    private func representative(_ index: Int) -> SyntheticRepresentative {
        var rng = SplitMix64(seed: seed, stream: 3, index: UInt64(index))
        let name = SyntheticNames.person(&rng)
        let address = SyntheticAddresses.address(&rng, abroad: 0)
        let tin = identifiers.practitionerSSN(index)
        let suffix: Character? = rng.chance(0.15) ? rng.pick(["R", "A", "B"]) : nil
        let caf = identifiers.caf(index, prefixPick: rng.int(0...12), suffix: suffix)
        let ptin = rng.chance(0.9) ? identifiers.ptin(index) : nil
        let practiceCode = switch rng.int(0...99) {
        case 0..<3: "D"
        case 3..<6: "S"
        default: ""
        }
        let userID = Self.userID(name, index: index)
        return SyntheticRepresentative(
            index: index, userID: userID,
            entity: EntityRecord(tin: tin, name: name, address: address),
            record: RepresentativeRecord(caf: caf, name: name, tin: tin, ptin: ptin, address: address,
                                         practiceCode: practiceCode))
    }

    private func efileUsers(_ representatives: [SyntheticRepresentative]) -> [EFileUserRecord] {
        var users: [EFileUserRecord] = []
        var firm = 0
        var position = 0
        var size = 0
        var firmName = ""
        for r in representatives {
            if position == size {
                var rng = SplitMix64(seed: seed, stream: 5, index: UInt64(firm))
                size = rng.int(1...5)
                firmName = if case .business(let n) = SyntheticNames.business(&rng) { n } else { "Firm \(firm)" }
                position = 0
                firm += 1
            }
            var rng = SplitMix64(seed: seed, stream: 6, index: UInt64(r.index))
            let role: EFileUserRecord.Role = position == 0 ? .principal
                : (position == 1 && size >= 3 ? .responsibleOfficial : .delegate)
            let tds = role != .delegate || rng.chance(0.6)
            users.append(EFileUserRecord(efin: identifiers.efin(firm - 1), firm: firmName, user: r.userID,
                                         role: role, name: r.record.name, tds: tds))
            position += 1
        }
        return users
    }

    private func taxpayer(_ index: Int, representatives: [SyntheticRepresentative]) -> SyntheticTaxpayer {
        var rng = SplitMix64(seed: seed, stream: 1, index: UInt64(index))
        let entity: EntityRecord
        var hasOnlineAccount = false
        let modules: [TaxModuleRecord]
        let matterForm: String
        let periods: [String]
        if rng.chance(0.85) {
            let tin = rng.chance(0.04) ? identifiers.itin(index) : identifiers.taxpayerSSN(index)
            entity = EntityRecord(tin: tin, name: SyntheticNames.person(&rng), address: SyntheticAddresses.address(&rng))
            hasOnlineAccount = rng.chance(0.55)
            var history = SplitMix64(seed: seed, stream: SyntheticAccountHistory.stream, index: UInt64(index))
            modules = SyntheticAccountHistory.add(to: SyntheticModules.individual(tin: tin, years: taxYears, payers: payers, &rng),
                                                  &history)
            matterForm = "1040"
            periods = taxYears.map(String.init)
        } else {
            let tin = identifiers.taxpayerEIN(index)
            let fiscalMonth = rng.chance(0.8) ? 12 : rng.pick([3, 6, 9])
            entity = EntityRecord(tin: tin, name: SyntheticNames.business(&rng), address: SyntheticAddresses.address(&rng))
            modules = SyntheticModules.business(tin: tin, years: taxYears, fiscalMonth: fiscalMonth, &rng)
            matterForm = "1120"
            periods = taxYears.map { "\($0)-\(pad(fiscalMonth, 2))" }
        }
        var authorizations: [CAFAuthorizationRecord] = []
        if rng.chance(0.35) {
            let count = rng.chance(0.1) ? 2 : 1
            for k in 0..<count {
                let representative = representatives[rng.int(0...(representatives.count - 1))]
                let form: CAFAuthorizationRecord.Form = rng.chance(0.6) ? .poa2848 : .tia8821
                let first = rng.int(0...(periods.count - 2))
                var matters = [Matter(description: "Income", form: matterForm, periods: Array(periods[first...]))]
                if entity.name.isBusiness == false, rng.chance(0.05) {
                    let year = rng.pick(Array(taxYears))
                    matters.append(Matter(description: "Civil Penalty", form: "Civil Penalty",
                                          periods: ["\(year)-03", "\(year)-06"]))
                }
                let recorded = try! Day(year: latestTaxYear - rng.int(0...2), month: rng.int(1...12), day: rng.int(1...28))
                var authorization = CAFAuthorizationRecord(
                    id: "SYN-\(index)-\(k)", form: form, tin: entity.tin, caf: representative.record.caf,
                    matters: matters, receiveNotices: form == .poa2848 && rng.chance(0.5),
                    designation: form == .poa2848 ? rng.pick(["a", "b", "c", "c", "c", "g", "h", "k", "r"]) : nil,
                    recordedOn: recorded.description)
                switch rng.int(0...99) {
                case 0..<5:
                    authorization.status = .revoked
                    authorization.revokedOn = recorded.adding(days: rng.int(30...400)).description
                case 5..<8:
                    authorization.status = .withdrawn
                    authorization.revokedOn = recorded.adding(days: rng.int(30...400)).description
                default:
                    break
                }
                authorizations.append(authorization)
            }
        }
        return SyntheticTaxpayer(index: index, entity: entity, hasOnlineAccount: hasOnlineAccount, modules: modules,
                                 authorizations: authorizations)
    }

    /// A user id for a representative: the ASCII letters of the first name (up to 12), a dot, the index.
    private static func userID(_ name: RecordName, index: Int) -> String {
        guard case let .person(first, _, _, _) = name else { return "rep.\(index)" }
        let letters = first.lowercased().unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }
        let stem = String(String.UnicodeScalarView(letters.prefix(12)))
        return (stem.isEmpty ? "rep" : stem) + ".\(index)"
    }
}

/// One synthetic representative: their CAF record, their own Master File entity (same name and
/// address, so the IRS name game passes), and the sord user id their e-File membership uses.
public struct SyntheticRepresentative: Hashable, Sendable {
    public let index: Int
    public let userID: String
    public let entity: EntityRecord
    public let record: RepresentativeRecord
}

/// One synthetic taxpayer: the Master File entity, its modules and its authorizations on the CAF.
public struct SyntheticTaxpayer: Hashable, Sendable {
    public let index: Int
    public let entity: EntityRecord
    /// Whether demos register a `taxpayer` user for this individual, which is what gives them an
    /// online account (SPEC 2); about 55% of individuals, no business. Not part of any record.
    public let hasOnlineAccount: Bool
    public let modules: [TaxModuleRecord]
    public let authorizations: [CAFAuthorizationRecord]
}

extension SyntheticDataset {
    /// Every record as a JSON Lines line (no newline) with its kind, in `generate` order, so a
    /// caller can stream each kind into its own file.
    public func generateLines(_ emit: (ReferenceRecord.Kind, String) throws -> Void) throws {
        let encoder = ReferenceLineEncoder()
        try generate { record in try emit(record.kind, try encoder.line(record)) }
    }

    /// The file name the CLI writes each kind to.
    public static func fileName(for kind: ReferenceRecord.Kind) -> String {
        switch kind {
        case .entity: "entities.jsonl"
        case .module: "modules.jsonl"
        case .representative: "representatives.jsonl"
        case .cafAuthorization: "authorizations.jsonl"
        case .efileUser: "efile-users.jsonl"
        }
    }
}
