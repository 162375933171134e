/// A checked bank account (SPEC 12.4 `bankAccount`, 12.5 `directDebit`; `PAY-006`): a valid
/// routing number, an account number of 4 to 17 letters, digits or hyphens, and its type. The
/// account number is never logged and is shown only masked to its last four
/// (`maskedAccountNumber`).
///
/// Deliberately not `CustomStringConvertible` and not `Encodable`: the full number must not slip
/// into a log line or a file; reports show `BankAccountView`.
public struct BankAccount: Hashable, Sendable {
    /// `checking` or `savings`.
    public enum AccountType: String, Hashable, Sendable, CaseIterable, Codable {
        /// A checking or a savings account.
        case checking, savings
    }

    /// The nine-digit ABA routing number.
    public let routingNumber: RoutingNumber
    /// The account number as given (letters upper-cased).
    public let accountNumber: String
    /// `checking` or `savings`.
    public let accountType: AccountType

    /// The checked account of `entry`, or nil when `PAY-006` applies.
    public init?(_ entry: BankAccountEntry) {
        var problems: [Problem] = []
        guard let account = Self.parse(entry, path: "$", &problems) else { return nil }
        self = account
    }

    private init(routingNumber: RoutingNumber, accountNumber: String, accountType: AccountType) {
        self.routingNumber = routingNumber
        self.accountNumber = accountNumber
        self.accountType = accountType
    }

    /// The account number with every letter and digit but the last four replaced by `X`.
    public var maskedAccountNumber: String { Masking.accountNumber(accountNumber) }

    /// The account of `entry`, or nil after appending a PAY-006 problem per bad field at
    /// `path.routingNumber`, `path.accountNumber`, `path.accountType`.
    static func parse(_ entry: BankAccountEntry, path: String, _ problems: inout [Problem]) -> BankAccount? {
        var routing: RoutingNumber?
        do {
            routing = try RoutingNumber(parsing: entry.routingNumber)
        } catch {
            problems.append(Problem(.pay006, "The routing number is not valid: \(error).", path: path + ".routingNumber"))
        }
        let number = entry.accountNumber
        let validNumber = (4...17).contains(number.utf8.count) && number.utf8.allSatisfy(isAccountNumberByte)
        if !validNumber {
            problems.append(Problem(.pay006, "The account number must be 4 to 17 letters, digits or hyphens.", path: path + ".accountNumber"))
        }
        let type = AccountType(rawValue: entry.accountType)
        if type == nil {
            problems.append(Problem(.pay006, "The account type must be \"checking\" or \"savings\".", path: path + ".accountType"))
        }
        guard let routing, validNumber, let type else { return nil }
        return BankAccount(routingNumber: routing, accountNumber: number.uppercased(), accountType: type)
    }

    /// An ASCII letter, digit or hyphen.
    private static func isAccountNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "-")
    }
}
