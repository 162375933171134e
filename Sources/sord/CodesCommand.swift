import ArgumentParser
import Foundation
import SordCore

/// `sord codes`: the reason-code catalogue.
struct Codes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the reason-code catalogue.")

    @Flag(help: "Print JSON: [{\"code\",\"title\",\"fix\"}].") var json = false
    @OptionGroup var options: ConfigOption

    func run() throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(ReasonCode.all), as: UTF8.self))
        } else {
            for code in ReasonCode.all {
                print("\(code.code.padding(toLength: 9, withPad: " ", startingAt: 0)) \(code.title)")
                print("          fix: \(code.fix)")
            }
        }
    }
}
