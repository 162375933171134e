/// A Form 2848 (POA) or 8821 (TIA) on the CAF: one taxpayer, one representative (by CAF number), the
/// matters (form + periods) it covers, and its state.
public struct CAFAuthorizationRecord: Hashable, Sendable, Codable {
    /// Which form it is.
    public enum Form: String, Hashable, Sendable, Codable, CaseIterable {
        case poa2848 = "2848"
        case tia8821 = "8821"

        /// What the form is, as a client list shows it: `Power of Attorney (POA)` or
        /// `Tax Information Authorization (TIA)`.
        public var meaning: String {
            switch self {
            case .poa2848: "Power of Attorney (POA)"
            case .tia8821: "Tax Information Authorization (TIA)"
            }
        }
    }

    /// Where it stands: in force, revoked by a later authorization, or withdrawn by the representative.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case active, revoked, withdrawn
    }

    public var id: String
    public var form: Form
    /// The taxpayer's dashed TIN.
    public var tin: String
    /// The representative's CAF number as written (`NNNN-NNNNN` + optional suffix).
    public var caf: String
    public var matters: [Matter]
    public var receiveNotices: Bool
    /// 2848 designation (a, b, c, d, e, f, g, h, k, r); nil for an 8821.
    public var designation: String?
    public var status: Status
    public var recordedOn: String
    public var revokedOn: String?
    /// The id of the authorization that revoked this one, or nil.
    public var revokedBy: String?

    public init(id: String, form: Form, tin: String, caf: String, matters: [Matter],
                receiveNotices: Bool = false, designation: String? = nil, status: Status = .active,
                recordedOn: String, revokedOn: String? = nil, revokedBy: String? = nil) {
        self.id = id
        self.form = form
        self.tin = tin
        self.caf = caf
        self.matters = matters
        self.receiveNotices = receiveNotices
        self.designation = designation
        self.status = status
        self.recordedOn = recordedOn
        self.revokedOn = revokedOn
        self.revokedBy = revokedBy
    }

    /// Every (form, period) pair the matters cover, without repeats, in matter order.
    public var coverage: [(form: String, period: String)] {
        var seen = Set<String>()
        var pairs: [(form: String, period: String)] = []
        for matter in matters {
            for period in matter.periods where seen.insert(matter.form + "\u{0}" + period).inserted {
                pairs.append((matter.form, period))
            }
        }
        return pairs
    }

    /// Whether one of the matters names `form` (as written) and `period` (compared as periods, so
    /// `2024` never covers `2024-12`).
    public func covers(form: String, period: TaxPeriod) -> Bool {
        matters.contains { matter in
            matter.form == form && matter.periods.contains { (try? TaxPeriod(parsing: $0)) == period }
        }
    }

    /// Whether the authorization names the CAF number `caf` (the suffix letter does not count).
    public func names(_ caf: CAFNumber) -> Bool {
        (try? CAFNumber(parsing: self.caf))?.number == caf.number
    }

    private enum CodingKeys: String, CodingKey {
        case id, form, tin, caf, matters, receiveNotices, designation, status, recordedOn, revokedOn, revokedBy
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["record", "id", "form", "tin", "caf", "matters", "receiveNotices",
            "designation", "status", "recordedOn", "revokedOn", "revokedBy"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        form = try c.decode(Form.self, forKey: .form)
        tin = try c.decode(String.self, forKey: .tin)
        caf = try c.decode(String.self, forKey: .caf)
        matters = try c.decode([Matter].self, forKey: .matters)
        receiveNotices = try c.decodeIfPresent(Bool.self, forKey: .receiveNotices) ?? false
        designation = try c.decodeIfPresent(String.self, forKey: .designation)
        status = try c.decodeIfPresent(Status.self, forKey: .status) ?? .active
        recordedOn = try c.decode(String.self, forKey: .recordedOn)
        revokedOn = try c.decodeIfPresent(String.self, forKey: .revokedOn)
        revokedBy = try c.decodeIfPresent(String.self, forKey: .revokedBy)
    }
}

/// One tax matter of an authorization: a description (`Income`), the form (`1040`, `Civil Penalty`)
/// and the periods (`YYYY` or `YYYY-MM`).
public struct Matter: Hashable, Sendable, Codable {
    public var description: String
    public var form: String
    public var periods: [String]

    public init(description: String, form: String, periods: [String]) {
        self.description = description
        self.form = form
        self.periods = periods
    }

    private enum CodingKeys: String, CodingKey { case description, form, periods }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["description", "form", "periods"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        description = try c.decode(String.self, forKey: .description)
        form = try c.decode(String.self, forKey: .form)
        periods = try c.decode([String].self, forKey: .periods)
    }
}
