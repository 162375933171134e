/// Turns the strings a document carries into typed values for the rules, reporting what does not
/// parse with its `ID-00x` code and JSON path. Shared by every rule that reads a TIN, a date or a
/// US address from a document.
enum SubmittedFields {
    /// The taxpayer's TIN at `path`, or ID-001.
    static func tin(_ text: String, path: String, _ problems: inout [Problem]) -> TIN? {
        do {
            return try TIN(parsing: text)
        } catch {
            problems.append(Problem(.id001, "The taxpayer's TIN is not valid: \(error).", path: path))
            return nil
        }
    }

    /// The TIN of the individual a payment or plan is for, or nil after reporting ID-001, or
    /// PAY-002 for an EIN.
    static func individualTIN(_ text: String, path: String, _ problems: inout [Problem]) -> TIN? {
        guard let tin = tin(text, path: path, &problems) else { return nil }
        guard tin.isIndividual else {
            problems.append(Problem(.pay002, "Payments and payment plans through sord are for individuals (SSN or ITIN); this TIN is an EIN.",
                                    path: path))
            return nil
        }
        return tin
    }

    /// The date at `path`, or ID-004.
    static func day(_ text: String, path: String, _ problems: inout [Problem]) -> Day? {
        do {
            return try Day(parsing: text)
        } catch {
            problems.append(Problem(.id004, "The date is not valid: \(error).", path: path))
            return nil
        }
    }

    /// ID-005 for a US address's state and ZIP; addresses abroad are not checked here.
    static func checkStateAndZIP(_ address: DocumentAddress, path: String, _ problems: inout [Problem]) {
        guard AuthorizationMatching.isUS(address) else { return }
        do { _ = try USState(parsing: address.state) } catch {
            problems.append(Problem(.id005, "The state is not valid: \(error).", path: path + ".state"))
        }
        do { _ = try ZIPCode(parsing: address.zip) } catch {
            problems.append(Problem(.id005, "The ZIP code is not valid: \(error).", path: path + ".zip"))
        }
    }
}
