/// What the Master File says about one TDS item: the taxpayer's entity, the module of the item's
/// form and period, every module of that period (wage & income gathers its documents from them),
/// and, for an entity transcript only, every module of the taxpayer (its filings).
public struct TDSRecords: Sendable, Hashable {
    public var entity: EntityRecord?
    public var module: TaxModuleRecord?
    public var periodModules: [TaxModuleRecord]
    /// Every module of the taxpayer; loaded for the entity transcript, empty otherwise.
    public var taxpayerModules: [TaxModuleRecord]

    public init(entity: EntityRecord?, module: TaxModuleRecord?, periodModules: [TaxModuleRecord],
                taxpayerModules: [TaxModuleRecord] = []) {
        self.entity = entity
        self.module = module
        self.periodModules = periodModules
        self.taxpayerModules = taxpayerModules
    }
}

/// The outcome of the authorization look-up for one item (TDS-103), carrying the Master File records
/// only when the requester is authorized.
///
/// This is how "authorization is checked before existence" (SPEC 6) is kept: the records travel
/// inside `.authorized` and nowhere else, so no rule can tell an unauthorized requester whether the
/// taxpayer, the module or the return exists (no TDS-104, no name-control mismatch TDS-102, no
/// TDS-110 or TDS-112 for them). The handler reads the records only after the look-up succeeded.
public enum TDSAccess: Sendable, Hashable {
    /// The look-up was not possible (the TIN or the period is invalid); nothing is known.
    case undetermined
    /// No active 2848 or 8821 names the requester's CAF number for this taxpayer, form and period.
    case unauthorized
    /// An active authorization covers the item; here is what the Master File holds.
    case authorized(TDSRecords)
}
