/// The kinds of file that land in a SOR mailbox (SPEC section 7): acknowledgements, transcripts,
/// notifications, Tax Pro Account requests, account reports (`client-list`, `request-list`,
/// `account-summary`) and secure messages.
public enum MailboxKind: String, Sendable, Codable, CaseIterable {
    case ack, transcript, notification, request, report, message
}

/// The payload format inside a sealed mailbox file.
public enum PayloadFormat: String, Sendable, Codable {
    case json, txt
}

/// A mailbox file name, `<id>.<kind>.<json|txt>.gz.p7m`, built only from daemon-made parts.
public struct MailboxFileName: Hashable, Sendable, CustomStringConvertible {
    public let id: SortableID
    public let kind: MailboxKind
    public let format: PayloadFormat

    public init(id: SortableID, kind: MailboxKind, format: PayloadFormat) {
        self.id = id
        self.kind = kind
        self.format = format
    }

    /// Parses a name back; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[3] == "gz", parts[4] == "p7m", let id = SortableID(String(parts[0])),
              let kind = MailboxKind(rawValue: String(parts[1])), let format = PayloadFormat(rawValue: String(parts[2]))
        else { return nil }
        self.init(id: id, kind: kind, format: format)
    }

    public var description: String { "\(id.rawValue).\(kind.rawValue).\(format.rawValue).gz.p7m" }
}
