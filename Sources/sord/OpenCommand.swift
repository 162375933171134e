import ArgumentParser
import Foundation
import SordSeal

/// `sord open FILE --key KEY [--cert CERT]`: decrypt and decompress a sealed mailbox file to stdout,
/// the same as `openssl cms -decrypt -inform DER ... | gunzip`.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Decrypt and decompress a sealed file to standard output.")

    @Argument var file: String
    @Option(help: "Your private key (PEM).") var key: String
    @Option(help: "Your certificate (PEM); checked against the key.") var cert: String?
    @OptionGroup var options: ConfigOption

    func run() throws {
        let privateKey = try PrivateKey(pem: Data(contentsOf: URL(fileURLWithPath: key)))
        let certificate = try cert.map { try RecipientCertificate(pem: Data(contentsOf: URL(fileURLWithPath: $0))) }
        let sealed = try Data(contentsOf: URL(fileURLWithPath: file))
        FileHandle.standardOutput.write(try Unsealer.open(sealed, key: privateKey, certificate: certificate))
    }
}
