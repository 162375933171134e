import Foundation
import Testing

/// `config/sord.service` as systemd sees it: `systemd-analyze verify` prints nothing at all (it exits
/// 0 on unknown keys, so any line it prints fails the test), and `systemd-analyze security` rates it
/// 2.0 or lower.
@Suite("systemd unit")
struct SystemdUnitTests {
    static let unitPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/sord.service").path

    /// A copy of the unit in a fresh folder (named `sord.service`), with `ExecStart` pointing at the
    /// built binary, since verify insists that the program exists.
    static func installedCopy(_ edit: (String) -> String = { $0 }) throws -> String {
        let folder = NSTemporaryDirectory() + "sord-unit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: unitPath, encoding: .utf8)
            .replacingOccurrences(of: "ExecStart=/usr/local/bin/sord ", with: "ExecStart=\(DaemonHarness.sordBinary) ")
        let path = folder + "/sord.service"
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func analyze(_ args: [String]) throws -> (status: Int32, output: [String]) {
        let result = try DaemonHarness.run("/usr/bin/systemd-analyze", args)
        let lines = (result.out + result.err).split(separator: "\n").map(String.init)
        return (result.status, lines)
    }

    @Test("systemd-analyze verify prints no warning at all")
    func verifyIsClean() throws {
        #expect(FileManager.default.isExecutableFile(atPath: DaemonHarness.sordBinary))
        let copy = try Self.installedCopy()
        let result = try Self.analyze(["verify", copy])
        #expect(result.status == 0)
        #expect(result.output.isEmpty, "systemd-analyze verify: \(result.output.joined(separator: "\n"))")
    }

    @Test("verify does report a misspelt key, so the clean result above means something")
    func verifyCatchesTypos() throws {
        let copy = try Self.installedCopy { $0.replacingOccurrences(of: "ProtectHome=yes", with: "ProtectHom=yes") }
        let result = try Self.analyze(["verify", copy])
        #expect(result.output.contains { $0.contains("ProtectHom") })
    }

    @Test("systemd-analyze security rates the unit 2.0 or lower")
    func exposureScore() throws {
        let copy = try Self.installedCopy()
        let result = try Self.analyze(["security", "--offline=true", "--no-pager", copy])
        let overall = try #require(result.output.first { $0.contains("Overall exposure level for sord.service:") })
        let score = overall.components(separatedBy: ": ").last?.split(separator: " ").first.flatMap { Double($0) }
        let value = try #require(score, "cannot read the score in: \(overall)")
        #expect(value <= 2.0, "\(overall)")
    }

    @Test("The unit has the settings SPEC 10 asks for", arguments: [
        "Type=notify", "NotifyAccess=main", "WatchdogSec=30", "ExecReload=/bin/kill -HUP $MAINPID",
        "ExecStart=/usr/local/bin/sord run --config /etc/sord/sord.toml", "User=sord", "Group=sord",
        "StateDirectory=sord", "StateDirectoryMode=0700", "ReadWritePaths=/var/lib/sord", "ProtectSystem=strict",
        "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes", "NoNewPrivileges=yes", "CapabilityBoundingSet=",
        "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "SystemCallFilter=@system-service",
        "SystemCallArchitectures=native", "MemoryDenyWriteExecute=yes", "UMask=0077",
    ])
    func hasSetting(_ line: String) throws {
        let lines = try String(contentsOfFile: Self.unitPath, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains(line))
    }
}
