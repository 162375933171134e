import Foundation

/// The text forms of instants used in files, acks and the database: UTC, `2026-11-20T14:03:07.120Z`
/// (sorts as text in time order) and the UTC day `2026-11-20`.
public enum Timestamp {
    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
    public static func iso(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(millis / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let ms = Int(millis % 1000)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), ms)
    }

    /// The UTC day, `yyyy-MM-dd`.
    public static func day(_ date: Date) -> String {
        String(iso(date).prefix(10))
    }

    /// The instant a `SortableID` was made.
    public static func date(of id: SortableID) -> Date {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
        var millis: UInt64 = 0
        for byte in id.rawValue.utf8.prefix(10) {
            millis = millis << 5 | UInt64(alphabet.firstIndex(of: byte) ?? 0)
        }
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}
