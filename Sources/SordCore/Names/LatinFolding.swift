import Foundation

/// Folds names to plain letters for name controls and name matching.
///
/// Accented letters lose their accents (canonical decomposition, combining marks dropped:
/// José → Jose, Müller → Muller). A few letters with no decomposition are spelled out the way
/// English-language records write them: ß → ss, Æ → AE, Œ → OE, Ø → O, Ł → L, Đ/Ð → D, Þ → TH,
/// dotless ı → i. Any other non-ASCII character is either kept (for name matching, so that two
/// different non-Latin names never look equal) or dropped (for name controls, which are ASCII only).
enum LatinFolding {
    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o",
        "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "TH", "þ": "th", "ı": "i",
    ]

    /// `text` with accents removed and the letters above spelled out; other non-ASCII characters
    /// are kept when `keepingUnfoldable` is true and dropped otherwise.
    static func fold(_ text: String, keepingUnfoldable: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if let spelled = spelledOut[scalar] {
                result.append(contentsOf: spelled.unicodeScalars)
            } else if keepingUnfoldable {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The name-matching normal form (SPEC 6): folded, upper case, every character other than a
    /// letter, digit, hyphen or blank removed, runs of blanks collapsed to one, ends trimmed.
    static func normalizedForMatching(_ text: String) -> String {
        let upper = fold(text, keepingUnfoldable: true).uppercased()
        var words: [String] = []
        var current = ""
        for ch in upper {
            if ch.isWhitespace {
                if !current.isEmpty { words.append(current); current = "" }
            } else if ch.isLetter || ch.isNumber || ch == "-" {
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }
}
