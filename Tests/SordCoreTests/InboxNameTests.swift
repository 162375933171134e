import Testing
@testable import SordCore

@Suite("Inbox names: ignored names and the extension rule")
struct InboxNameTests {
    @Test("temporary names are ignored until renamed", arguments: [
        ".hidden.json", ".req.json.Xy12ab", ".upload-0a1b2c3d.part", "req.json.part", "req.csv.tmp", "REQ.CSV.PART",
        "upload.csv.filepart", "UPLOAD.CSV.FILEPART", "bulk.csv.crdownload", "bulk.csv.download", "bulk.csv.opdownload",
        "bulk.csv.partial", "bulk.csv.!sync", "~WRL0001.tmp", "Cedd4100", "4CCA4100", "deadbeef",
    ])
    func temporaryNames(name: String) {
        #expect(InboxName.classify(name) == .ignore)
    }

    @Test("companion files of tools are never submissions", arguments: [
        "~$bulk.csv", "~$Requests.json", "#bulk.csv#", "bulk.csv~", "Thumbs.db", "thumbs.db", "desktop.ini", "Desktop.ini",
        ".DS_Store", "._bulk.csv", ".~lock.bulk.csv#", ".bulk.csv.swp", ".#bulk.csv",
    ])
    func companionFiles(name: String) {
        #expect(InboxName.classify(name) == .ignore)
    }

    @Test("the extension in any letter case decides the format", arguments: [
        ("a.json", InboxName.Disposition.json), ("REQ.JSON", .json), ("req.Json", .json), ("BULK.CSV", .csv),
        ("bulk.Csv", .csv), ("PUT.CSV", .csv), ("a.b.csv", .csv), ("#1.json", .json), ("bulk~1.csv", .csv),
        ("a.txt", .unsupported), ("a.xlsx", .unsupported), ("json", .unsupported), ("a.json ", .unsupported),
        ("a.jsonx", .unsupported), ("Cedd41000", .unsupported), ("Cedd410g", .unsupported), ("#", .unsupported),
        ("", .unsupported),
    ])
    func extensions(name: String, expected: InboxName.Disposition) {
        #expect(InboxName.classify(name) == expected)
        let format: DocumentParser.FileFormat? = switch expected {
        case .json: .json
        case .csv: .csv
        default: nil
        }
        #expect(DocumentParser.FileFormat(fileName: name) == format)
    }

    @Test("any name the file system allows is classified, none refused for its length", arguments: [181, 200, 255])
    func longNames(bytes: Int) {
        #expect(InboxName.classify(String(repeating: "n", count: bytes - 4) + ".CSV") == .csv)
        #expect(InboxName.classify(String(repeating: "é", count: (bytes - 5) / 2) + ".json") == .json)
    }

    @Test("upload names", arguments: [
        ("PUT.CSV", true), ("req-1_a.json", true), (".hidden.json", false), ("a b.json", false), ("a/b.json", false),
        ("", false), (String(repeating: "a", count: 123) + ".json", true), (String(repeating: "a", count: 124) + ".json", false),
    ])
    func uploadNames(name: String, safe: Bool) {
        #expect(InboxName.isSafeUploadName(name) == safe)
    }
}
