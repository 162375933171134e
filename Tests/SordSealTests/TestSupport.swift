import Foundation
import SordSeal

/// A temporary folder with a fresh demo PKI, removed when the last reference goes away.
final class TestPKI {
    let root: URL
    let pki: DemoPKI

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sord-seal-\(UUID().uuidString)")
        pki = try DemoPKI.initialize(in: root.appendingPathComponent("pki"))
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A user issued by the demo CA, with its files under `root/users`.
    struct User {
        let keyURL: URL
        let certificateURL: URL
        let certificate: RecipientCertificate
        let key: PrivateKey
    }

    func issueUser(_ name: String, _ keyType: DemoPKI.KeyType) throws -> User {
        let folder = root.appendingPathComponent("users")
        let keyURL = folder.appendingPathComponent("\(name).key")
        let certificateURL = folder.appendingPathComponent("\(name).pem")
        let certificate = try pki.issueUserCertificate(commonName: name, keyType: keyType, keyOut: keyURL, certOut: certificateURL)
        return User(keyURL: keyURL, certificateURL: certificateURL, certificate: certificate,
                    key: try PrivateKey(pem: Data(contentsOf: keyURL)))
    }

    /// Writes `data` to a new file in `root` and returns its URL.
    func write(_ data: Data, named name: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }
}

/// The outcome of a shell command.
struct ShellResult {
    let status: Int32
    let output: Data
    let errorText: String

    var outputText: String { String(decoding: output, as: UTF8.self) }
}

/// Runs `command` through `/bin/sh -c` and collects its output (stderr through a temporary file,
/// so large stdout cannot deadlock on a full pipe).
func shell(_ command: String) throws -> ShellResult {
    let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("sord-seal-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorURL) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorURL)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ShellResult(status: process.terminationStatus, output: data,
                       errorText: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
}

/// Single-quotes `path` for the shell.
func quoted(_ url: URL) -> String {
    "'" + url.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Deterministic pseudo-random bytes (xorshift), incompressible enough to exercise real sizes.
func pseudoRandomBytes(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt8(truncatingIfNeeded: state)
    }
}
