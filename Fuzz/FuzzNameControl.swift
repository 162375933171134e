// libFuzzer target: name-control derivation and validation (`NameControl.person(lastName:)`,
// `NameControl.business(_:)`, `PersonName.nameControl()`, `NameControl(parsing:kind:)`) and name
// matching.
//
// The input is read as UTF-8 text of up to two lines (name A and name B); each line is a person as
// `first|middle|last|suffix` (missing parts empty) and, as a whole, a business name.
//
// Asserted beyond "no crash":
// - a derived name control matches the MeF pattern of its kind (persons `[A-Z][A-Z\- ]{0,3}`,
//   businesses `([A-Z0-9\-]|&){1,4}`; a derived person control is letters only) and parses back
//   as itself;
// - derivation succeeds whenever the name holds an ASCII letter (persons) or an ASCII letter, digit,
//   `&` or `-` (businesses), and does not depend on the case of ASCII letters;
// - `PersonName.nameControl()` is `NameControl.person(lastName:)` of the last name;
// - `NameControl(parsing:kind:)` accepts exactly the texts that match the pattern after trailing
//   blanks are dropped, and the value it keeps parses back as itself;
// - name matching is symmetric, and a name matches itself when its normalised last name (person)
//   or name (business) is not empty.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = fuzzText(data, size)
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let persons = lines.map(person)
    let businesses = lines.map(BusinessName.init)

    for name in persons {
        let derived = checkPerson(lastName: name.last)
        let viaName = try? name.nameControl()
        require(viaName == derived, "PersonName.nameControl() differs from person(lastName:)")
        let normalizedLast = LatinFolding.normalizedForMatching(name.last)
        require(name.matches(name) == !normalizedLast.isEmpty, "person self-match is wrong")
    }
    for name in businesses {
        _ = checkBusiness(name.name)
        require(name.matches(name) == !LatinFolding.normalizedForMatching(name.name).isEmpty, "business self-match is wrong")
    }
    if persons.count == 2 {
        require(persons[0].matches(persons[1]) == persons[1].matches(persons[0]), "person matching is not symmetric")
        require(businesses[0].matches(businesses[1]) == businesses[1].matches(businesses[0]), "business matching is not symmetric")
    }

    for kind: NameControl.Kind? in [.person, .business, nil] {
        checkParsing(text, kind: kind)
    }
    return 0
}

/// `first|middle|last|suffix` as a person's name.
private func person(_ line: String) -> PersonName {
    let parts = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
    func part(_ index: Int) -> String? { index < parts.count ? parts[index] : nil }
    return PersonName(first: part(0) ?? "", middle: part(1), last: part(2) ?? "", suffix: part(3))
}

private func checkPerson(lastName: String) -> NameControl? {
    let control = try? NameControl.person(lastName: lastName)
    let hasLetter = lastName.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
    if hasLetter { require(control != nil, "no person control from a name with an ASCII letter") }
    if let control {
        let bytes = Array(control.value.utf8)
        require((1...4).contains(bytes.count), "person control of length \(bytes.count)")
        require(bytes.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }, "person control \(control.value) is not letters")
        require(NameControl.matchesPattern(control.value, kind: .person), "person control \(control.value) fails the pattern")
        require((try? NameControl(parsing: control.value, kind: .person)) == control, "person control does not parse back")
    }
    require((try? NameControl.person(lastName: asciiSwappedCase(lastName))) == control, "person control depends on ASCII case")
    return control
}

private func checkBusiness(_ name: String) -> NameControl? {
    let control = try? NameControl.business(name)
    let hasSignificant = name.unicodeScalars.contains {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "&" || $0 == "-")
    }
    if hasSignificant { require(control != nil, "no business control from a name with a significant character") }
    if let control {
        let bytes = Array(control.value.utf8)
        require((1...4).contains(bytes.count), "business control of length \(bytes.count)")
        require(bytes.allSatisfy(isBusinessByte), "business control \(control.value) has a character outside the pattern")
        require(NameControl.matchesPattern(control.value, kind: .business), "business control \(control.value) fails the pattern")
        require((try? NameControl(parsing: control.value, kind: .business)) == control, "business control does not parse back")
    }
    require((try? NameControl.business(asciiSwappedCase(name))) == control, "business control depends on ASCII case")
    return control
}

/// Checks `NameControl(parsing:kind:)` against the MeF patterns written out independently here.
private func checkParsing(_ text: String, kind: NameControl.Kind?) {
    let parsed = try? NameControl(parsing: text, kind: kind)
    var trimmed = Array(text.utf8)
    while trimmed.last == UInt8(ascii: " ") { trimmed.removeLast() }
    let isUpper = { (b: UInt8) in b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    let personOK = (1...4).contains(trimmed.count) && isUpper(trimmed[0])
        && trimmed.dropFirst().allSatisfy { isUpper($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }
    let businessOK = (1...4).contains(trimmed.count) && trimmed.allSatisfy(isBusinessByte)
    let expected = switch kind {
    case .person: personOK
    case .business: businessOK
    case nil: personOK || businessOK
    }
    require((parsed != nil) == expected, "NameControl(parsing:kind: \(String(describing: kind))) accepted=\(parsed != nil), expected \(expected)")
    if let parsed {
        require(Array(parsed.value.utf8) == trimmed, "parsed control is not the trimmed text")
        require((try? NameControl(parsing: parsed.value, kind: kind)) == parsed, "parsed control does not parse back")
    }
}

private func isBusinessByte(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
        || b == UInt8(ascii: "-") || b == UInt8(ascii: "&")
}

/// `text` with the case of every ASCII letter swapped and everything else unchanged.
private func asciiSwappedCase(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: scalars.append(Unicode.Scalar(UInt8(scalar.value) ^ 0x20))
        default: scalars.append(scalar)
        }
    }
    return String(scalars)
}
