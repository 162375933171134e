import Testing
@testable import SordDaemon

/// The `Range` header rules (RFC 9110 section 14), table-driven, for a 1000-byte file.
@Suite("API byte ranges")
struct APIByteRangeTests {
    @Test("Range headers resolve to the whole file, one part, or unsatisfiable", arguments: [
        (nil, ByteRange.whole),
        ("bytes=0-99", .part(first: 0, last: 99)),
        ("bytes=100-", .part(first: 100, last: 999)),
        ("bytes=-10", .part(first: 990, last: 999)),
        ("bytes=-5000", .part(first: 0, last: 999)),
        ("bytes=990-5000", .part(first: 990, last: 999)),
        ("bytes=999-999", .part(first: 999, last: 999)),
        (" bytes = 5-6 ", .whole),
        ("BYTES=5-6", .part(first: 5, last: 6)),
        ("bytes=1000-", .unsatisfiable),
        ("bytes=1000-2000", .unsatisfiable),
        ("bytes=99999999999999999999999-", .unsatisfiable),
        ("bytes=-0", .unsatisfiable),
        ("bytes=5-4", .whole),
        ("bytes=0-1,5-6", .whole),
        ("items=0-5", .whole),
        ("bytes=a-b", .whole),
        ("bytes=-", .whole),
        ("bytes=+1-2", .whole),
        ("", .whole),
    ] as [(String?, ByteRange)])
    func resolve(header: String?, expected: ByteRange) {
        #expect(ByteRange(header: header, size: 1000) == expected)
    }

    @Test("If-None-Match matches the strong tag, its weak form and *, not others", arguments: [
        ("\"abc\"", true), ("W/\"abc\"", true), ("*", true), ("\"x\", \"abc\"", true), ("\"abd\"", false), ("abc", false),
    ])
    func ifNoneMatch(header: String, matches: Bool) {
        #expect(EntityTag.ifNoneMatch(header, matches: EntityTag.of(sha256: "abc")) == matches)
    }
}
