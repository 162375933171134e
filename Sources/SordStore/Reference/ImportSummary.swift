import SordCore

/// What an import did: records inserted and updated by kind, lines rejected by reason code.
public struct ImportSummary: Hashable, Sendable {
    public var inserted: [ReferenceRecord.Kind: Int] = [:]
    public var updated: [ReferenceRecord.Kind: Int] = [:]
    /// Rejected lines per reason code; a line with problems of two codes counts under both.
    public var rejectedByReason: [String: Int] = [:]
    /// Lines rejected in all.
    public var rejectedLines = 0
    /// The first rejections, for display (see `ReferenceImporter.Options.keptRejections`).
    public var rejections: [ImportRejection] = []
    /// Bytes read across all files.
    public var bytes: Int64 = 0

    /// Records inserted, all kinds.
    public var totalInserted: Int { inserted.values.reduce(0, +) }
    /// Records updated, all kinds.
    public var totalUpdated: Int { updated.values.reduce(0, +) }

    public init() {}
}

/// How far an import has got, for a progress bar or progress lines.
public struct ImportProgress: Hashable, Sendable {
    /// The file being read.
    public let file: String
    /// Lines handled so far (imported or rejected), all files.
    public let recordsDone: Int
    /// Bytes read so far, all files.
    public let bytesDone: Int64
    /// Total size of all files.
    public let totalBytes: Int64
}
