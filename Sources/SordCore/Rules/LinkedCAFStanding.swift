/// Where a practitioner's linked CAF number stands, read from the profile and the CAF: what the
/// whole-request checks of TDS (TDS-003, TDS-004), the account views (ACC-001, ACC-002) and PPS
/// orders (PPS-003) decide on.
public enum LinkedCAFStanding: Sendable, Hashable {
    /// The profile has no linked CAF number.
    case unlinked
    /// Linked, but the number is not on the CAF (so not in good standing either).
    case notOnFile(CAFNumber)
    /// On the CAF with practice code D, E, R, S or I.
    case notInGoodStanding(RepresentativeRecord, CAFNumber)
    /// On the CAF with a blank practice code.
    case inGoodStanding(RepresentativeRecord, CAFNumber)

    /// The standing of `linkedCAF`, given its CAF record when on file.
    public init(linkedCAF: CAFNumber?, representative: RepresentativeRecord?) {
        guard let caf = linkedCAF else {
            self = .unlinked
            return
        }
        guard let representative else {
            self = .notOnFile(caf)
            return
        }
        self = representative.inGoodStanding ? .inGoodStanding(representative, caf) : .notInGoodStanding(representative, caf)
    }

    /// The linked number when it is on the CAF in good standing.
    public var usableCAF: CAFNumber? {
        if case .inGoodStanding(_, let caf) = self { return caf }
        return nil
    }

    /// The CAF record of the linked number, whatever its practice code.
    public var representative: RepresentativeRecord? {
        switch self {
        case .unlinked, .notOnFile: nil
        case .notInGoodStanding(let record, _), .inGoodStanding(let record, _): record
        }
    }

    /// The problem of a requester who needs a linked CAF number in good standing: `unlinked` when
    /// there is none, `notInGoodStanding` when it is not on the CAF or has a practice code of
    /// D, E, R, S or I; nil when the number may be used.
    public func problem(unlinked: ReasonCode, notInGoodStanding: ReasonCode) -> Problem? {
        switch self {
        case .unlinked:
            Problem(unlinked, "Your profile has no linked CAF number; link yours with a caf-link document.")
        case .notOnFile(let caf):
            Problem(notInGoodStanding, "Your linked CAF number \(caf) is not on the CAF, so it is not in good standing.")
        case .notInGoodStanding(let record, let caf):
            Problem(notInGoodStanding, "Your CAF number \(caf) is not in good standing (practice code \(record.practiceCode)).")
        case .inGoodStanding:
            nil
        }
    }
}
