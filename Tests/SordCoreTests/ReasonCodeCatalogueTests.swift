import Testing
@testable import SordCore

@Suite("Reason-code catalogue")
struct ReasonCodeCatalogueTests {
    /// Every code SPEC 6 names, by family.
    static let spec: [String] =
        (1...8).map { "SUB-00\($0)" } + (1...5).map { "ID-00\($0)" } + (1...15).map { "AUTH-" + pad($0) }
        + (1...10).map { "TPA-" + pad($0) } + (1...5).map { "CAF-00\($0)" } + ["WD-001", "EF-001", "EF-002"]
        + (1...4).map { "TDS-00\($0)" } + (101...112).map { "TDS-\($0)" } + (1...6).map { "ACC-00\($0)" }
        + (1...9).map { "PAY-00\($0)" } + (1...8).map { "PLAN-00\($0)" } + ["MSG-001", "MSG-002"]
        + (1...3).map { "PPS-00\($0)" }

    static func pad(_ n: Int) -> String { n < 10 ? "00\(n)" : "0\(n)" }

    @Test func everySpecCodeIsInTheCatalogueOnce() {
        let codes = ReasonCode.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes) == Set(Self.spec))
        #expect(codes.count == 90)
    }

    @Test func everyCodeSaysWhatItIsAndWhatToDo() {
        for reason in ReasonCode.all {
            #expect(!reason.title.isEmpty, "\(reason)")
            #expect(reason.fix.hasSuffix("."), "\(reason)")
            #expect(ReasonCode.named(reason.code) == reason)
        }
    }

    @Test func submissionFixesNameEveryTypeAndKind() {
        for type in DocumentType.allCases {
            #expect(ReasonCode.sub004.fix.contains(type.rawValue), "\(type)")
        }
        #expect(ReasonCode.sub007.fix.contains("staff"))
        #expect(ReasonCode.tpa009.title.contains("expired"))
    }
}
