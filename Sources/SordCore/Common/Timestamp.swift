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
        return DigitText.padded(Int(parts.tm_year) + 1900, width: 4) + "-" + DigitText.padded(Int(parts.tm_mon) + 1, width: 2)
            + "-" + DigitText.padded(Int(parts.tm_mday), width: 2) + "T" + DigitText.padded(Int(parts.tm_hour), width: 2)
            + ":" + DigitText.padded(Int(parts.tm_min), width: 2) + ":" + DigitText.padded(Int(parts.tm_sec), width: 2)
            + "." + DigitText.padded(Int(millis % 1000), width: 3) + "Z"
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
