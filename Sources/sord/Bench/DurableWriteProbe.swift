import Foundation
import SordSpool
#if canImport(Glibc)
import Glibc
#endif

/// The machine's per-file durable-write limit: write + fsync + rename + folder fsync, one file at a
/// time, as a naive mailbox writer would do it.
enum DurableWriteProbe {
    /// Files per second over `count` files of `size` bytes in `folder`.
    static func measure(folder: String, count: Int, size: Int = 2048) throws -> Double {
        try Durable.makeDirectory(folder + "/tmp")
        try Durable.makeDirectory(folder + "/new")
        let payload = [UInt8](repeating: 0x5A, count: size)
        let start = ContinuousClock.now
        for i in 0..<count {
            let tmp = folder + "/tmp/\(i)"
            try Durable.writeNewFile(tmp, payload, sync: true)
            try Durable.rename(tmp, to: folder + "/new/\(i)")
            try Durable.fsyncDirectory(folder + "/new")
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }
}

/// The same deliveries done the shell way: one `gzip | openssl cms -encrypt` pipeline per file,
/// with the same cipher and key transport, written durably.
enum ShellPipelineProbe {
    /// Files per second over `count` payloads sealed to `certificate`.
    static func measure(folder: String, certificate: String, payload: Data, count: Int) throws -> Double {
        try Durable.makeDirectory(folder)
        let input = folder + "/payload.json"
        try payload.write(to: URL(fileURLWithPath: input))
        let start = ContinuousClock.now
        for i in 0..<count {
            let out = folder + "/\(i).json.gz.p7m"
            let script = "gzip -c '\(input)' | openssl cms -encrypt -binary -aes-256-gcm -recip '\(certificate)' "
                + "-keyopt rsa_padding_mode:oaep -outform DER -out '\(out).tmp' && sync '\(out).tmp' && mv '\(out).tmp' '\(out)'"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw SordCLIError("the shell pipeline failed (exit \(process.terminationStatus))") }
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }
}

extension Duration {
    /// The duration in seconds, as a Double (for rates and reports).
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
