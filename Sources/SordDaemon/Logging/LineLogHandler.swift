import Foundation
import Logging
import SordCore
import Synchronization

/// A swift-log handler writing one event a line to stderr, as logfmt or JSON, so journald keeps
/// each event whole. Every message and value passes through `Redaction` first.
public struct LineLogHandler: LogHandler {
    public enum Format: String, Sendable {
        case logfmt, json
    }

    /// The shared level (changed at run time by a reload) unless this logger set its own.
    public var logLevel: Logger.Level {
        get { ownLevel ?? level.current }
        set { ownLevel = newValue }
    }
    public var metadata: Logger.Metadata = [:]
    let label: String
    let format: Format
    let level: LogLevelControl
    private var ownLevel: Logger.Level?
    let sink: @Sendable (String) -> Void

    public init(label: String, level: LogLevelControl, format: Format,
                sink: @escaping @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data(line.utf8)) }) {
        self.label = label
        self.level = level
        self.format = format
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("ts", Timestamp.iso(Date())), ("level", event.level.rawValue), ("msg", Redaction.redact("\(event.message)")),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            fields.append((key, Redaction.redact("\(merged[key]!)")))
        }
        sink(Self.render(fields, format) + "\n")
    }

    static func render(_ fields: [(String, String)], _ format: Format) -> String {
        switch format {
        case .json:
            return "{" + fields.map { "\(JSONStringLiteral.quote($0.0)):\(JSONStringLiteral.quote($0.1))" }.joined(separator: ",") + "}"
        case .logfmt:
            return fields.map { key, value in
                let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "\"" && $0 != "=" && $0 != "\\" && $0.value < 0x7f }
                return "\(key)=" + (plain ? value : JSONStringLiteral.quote(value))
            }.joined(separator: " ")
        }
    }
}

/// The log level every `LineLogHandler` of the process reads, so `SIGHUP` can change it while loggers
/// already handed out keep working.
public final class LogLevelControl: Sendable {
    private let raw: Atomic<Int>

    public init(_ level: Logger.Level) {
        raw = Atomic(Self.levels.firstIndex(of: level)!)
    }

    /// The level now in force.
    public var current: Logger.Level { Self.levels[raw.load(ordering: .relaxed)] }

    /// Changes the level for every logger at once.
    public func set(_ level: Logger.Level) {
        raw.store(Self.levels.firstIndex(of: level)!, ordering: .relaxed)
    }

    private static let levels = Logger.Level.allCases
}

/// Masks anything shaped like a TIN before it reaches a log line: `NNN-NN-NNNN`, `NN-NNNNNNN` (also
/// with spaces for dashes) wherever they occur, even glued to other digits, and every run of nine or
/// more digits. The last four digits stay, so an operator can still tell records apart.
public enum Redaction {
    /// Dashed and spaced TIN shapes: `true` is a digit, `false` a separator.
    private static let shapes: [[Bool]] = [
        [true, true, true, false, true, true, false, true, true, true, true],
        [true, true, false, true, true, true, true, true, true, true],
    ]

    public static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 9 else { return text }
        var out = bytes
        func isDigit(_ k: Int) -> Bool { bytes[k] >= 48 && bytes[k] <= 57 }
        func isSeparator(_ k: Int) -> Bool { bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: " ") }
        func mask(_ range: Range<Int>) {
            var keep = 4
            for k in range.reversed() where isDigit(k) {
                if keep > 0 { keep -= 1 } else { out[k] = UInt8(ascii: "X") }
            }
        }
        var changed = false
        for i in bytes.indices where isDigit(i) {
            for shape in shapes where i + shape.count <= bytes.count {
                let matches = shape.indices.allSatisfy { offset in
                    shape[offset] ? isDigit(i + offset) : isSeparator(i + offset)
                }
                if matches {
                    mask(i..<(i + shape.count))
                    changed = true
                }
            }
        }
        var i = 0
        while i < bytes.count {
            guard isDigit(i) else { i += 1; continue }
            var end = i
            while end < bytes.count && isDigit(end) { end += 1 }
            if end - i >= 9 {
                mask(i..<end)
                changed = true
            }
            i = end
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }
}

/// Sets up swift-log for the daemon from the configuration.
public enum DaemonLogging {
    /// The process-wide level; a reload sets it from `[log] level`.
    public static let level = LogLevelControl(.info)

    /// Installs the line handler process-wide and returns the daemon's logger.
    public static func bootstrap(config: SordConfig) -> Logger {
        apply(config)
        let format = LineLogHandler.Format(rawValue: config.logFormat) ?? .logfmt
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: level, format: format) }
        return Logger(label: "sord")
    }

    /// Applies `[log] level` of a (re)loaded configuration to every logger.
    public static func apply(_ config: SordConfig) {
        level.set(Logger.Level(rawValue: config.logLevel) ?? .info)
    }
}
