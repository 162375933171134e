import ArgumentParser
import Foundation
import SordCore
import SordSpool
import SordStore

/// `sord message send` and `sord pps send` (SPEC 8): an assistor on the phone builds a
/// `secure-message` or `pps-order` without writing JSON; the document is submitted safely as the
/// staff user (like `sord submit`) and its inbox name printed, so the ack can be found.
struct Message: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Secure messages from staff.", subcommands: [Send.self])

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a secure message as a staff user; prints the submitted file's name.")

        @Option(name: .customLong("as"), help: "The staff user sending it.") var staff: String
        @Option(help: "The recipient: a practitioner or the taxpayer's own user.") var to: String
        @Option(help: "The taxpayer's TIN, dashed.") var tin: String
        @Option(help: "The form, e.g. 1040.") var form: String
        @Option(help: "The tax period, YYYY or YYYY-MM.") var period: String
        @Option(help: "The subject (up to 200 characters).") var subject: String
        @Option(name: .customLong("body-file"), help: "A UTF-8 file holding the body (up to 10,000 characters).") var bodyFile: String
        @OptionGroup var options: ConfigOption

        func run() throws {
            let body = try String(contentsOfFile: bodyFile, encoding: .utf8)
            let document: [String: Any] = ["type": "secure-message", "to": to, "tin": tin, "form": form, "period": period,
                                           "subject": subject, "body": body]
            print(try StaffSubmission.submit(document, as: staff, prefix: "message", options: options))
        }
    }
}

/// `sord pps send`.
struct PPS: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pps", abstract: "Practitioner Priority Service orders from staff.",
                                                    subcommands: [Send.self])

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send transcripts to a practitioner's mailbox as a staff user; prints the submitted file's name.")

        @Option(name: .customLong("as"), help: "The staff user (the assistor).") var staff: String
        @Option(help: "The practitioner on the phone (their user id).") var practitioner: String
        @Option(help: "The taxpayer's TIN, dashed.") var tin: String
        @Option(name: .customLong("name-control"), help: "The taxpayer's name control.") var nameControl: String
        @Option(help: "account, record-of-account, return, wage-and-income, verification-of-non-filing or entity.") var product: String
        @Option(help: "The form, e.g. 1040.") var form: String
        @Option(help: "Tax periods, comma-separated (YYYY or YYYY-MM).") var periods: String
        @OptionGroup var options: ConfigOption

        func run() throws {
            let request: [String: Any] = ["tin": tin, "nameControl": nameControl, "product": product, "form": form,
                                          "periods": periods.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }]
            let document: [String: Any] = ["type": "pps-order", "practitioner": practitioner, "requests": [request]]
            print(try StaffSubmission.submit(document, as: staff, prefix: "pps", options: options))
        }
    }
}

/// Submits a document built by a staff command.
enum StaffSubmission {
    /// Drops `document` into `staff`'s inbox as `<prefix>-<time>.json` after checking the user is
    /// an active staff user; returns the name it got.
    static func submit(_ document: [String: Any], as staff: String, prefix: String, options: ConfigOption) throws -> String {
        let (_, layout, database) = try options.open()
        guard let user = try database.read({ db in try UserRecord.find(staff, in: db) }), user.kind == .staff, user.state == .active
        else { throw SordCLIError("\(staff) is not an active staff user") }
        let bytes = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        let stamp = Timestamp.iso(Date()).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "")
        return try InboxDrop(layout: layout).drop(bytes, as: "\(prefix)-\(stamp).json", user: user.userID)
    }
}
