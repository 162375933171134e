import ArgumentParser
import Foundation
import SordSeal

/// `sord pki init`: a local demo CA and server certificate in `state/pki/`.
struct PKI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pki", abstract: "Demo certificate authority.", subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create the demo CA and server certificate (ca.pem, ca.key, server.pem, server.key).")

        @OptionGroup var options: ConfigOption

        func run() throws {
            let (_, layout, _) = try options.open()
            let pki = try DemoPKI.initialize(in: URL(fileURLWithPath: layout.pki))
            print("demo CA: \(pki.caCertificateURL.path)")
            print("server certificate: \(pki.serverCertificateURL.path) (localhost, 127.0.0.1)")
        }
    }
}
