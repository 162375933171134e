/// The masking of transcripts (SPEC 7), as the IRS masks them since 2018/2020. Pure functions; the
/// output is upper case, as transcripts are.
///
/// Choice made here: masked names and streets show only the characters kept, with no `X`s for the
/// hidden ones (first name Ralph → `RALP`, last name Teak → `TEA`), so the length of the name is not
/// revealed either. Digit strings (TINs, account and phone numbers) keep their shape with `X`s.
public enum Masking {
    /// `XXX-XX-1234` for an SSN or ITIN, `XX-XXX1234` for an EIN. Also the form TINs take in logs.
    public static func tin(_ tin: TIN) -> String {
        switch tin {
        case .ssn, .itin: "XXX-XX-" + tin.lastFour
        case .ein: "XX-XXX" + tin.lastFour
        }
    }

    /// A first or last name: its first four characters, three when it is exactly four long.
    /// Shorter names show all but their last character (never the whole name), a one-character
    /// name shows that character. Surrounding blanks are ignored.
    public static func namePart(_ name: String) -> String {
        let text = trimmed(name).uppercased()
        let kept = switch text.count {
        case 5...: 4
        case 2...4: text.count - 1
        default: text.count
        }
        return String(text.prefix(kept))
    }

    /// A person as a transcript shows them: masked first name, blank, masked last name
    /// (Ralph Teak → `RALP TEA`). Middle name and suffix are left out.
    public static func personName(_ name: PersonName) -> String {
        namePart(name.first) + " " + namePart(name.last)
    }

    /// A business name: its first four characters (The Willow Co. → `THE`, trailing blank dropped).
    public static func businessName(_ name: BusinessName) -> String {
        trimmed(String(trimmed(name.name).uppercased().prefix(4)))
    }

    /// A name of either kind, masked by its kind's rule.
    public static func taxpayerName(_ name: TaxpayerName) -> String {
        switch name {
        case .person(let p): personName(p)
        case .business(let b): businessName(b)
        }
    }

    /// A street line: its first six characters (12 Alder St → `12 ALD`).
    public static func street(_ street: String) -> String {
        trimmed(String(trimmed(street).uppercased().prefix(6)))
    }

    /// An account number: every letter and digit but the last four becomes `X`; separators stay.
    public static func accountNumber(_ number: String) -> String {
        keepingLastFourAlphanumerics(number)
    }

    /// A phone number: every digit but the last four becomes `X`; separators stay
    /// (`(503) 555-0142` → `(XXX) XXX-0142`).
    public static func phoneNumber(_ number: String) -> String {
        keepingLastFourAlphanumerics(number)
    }

    private static func keepingLastFourAlphanumerics(_ text: String) -> String {
        let isAlphanumeric = { (c: Character) in c.isLetter || c.isNumber }
        var toHide = text.filter(isAlphanumeric).count - 4
        var result = ""
        for ch in text.uppercased() {
            if isAlphanumeric(ch), toHide > 0 {
                result.append("X")
                toHide -= 1
            } else {
                result.append(ch)
            }
        }
        return result
    }

    private static func trimmed(_ text: String) -> String {
        var kept = Substring(text)
        while kept.first?.isWhitespace == true { kept.removeFirst() }
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return String(kept)
    }
}
