// libFuzzer target: the identifier and value parsers (`TIN`, `CAFNumber`, `CAFReference`, `PTIN`,
// `EFIN`, `ZIPCode`, `USState`, `Day`, `TaxPeriod`), every one run on the same input text.
//
// Asserted beyond "no crash", for each parser that accepts the text:
// - its canonical form parses back to the same value (`parse(format(x)) == x`);
// - the canonical form is the text itself, up to the documented case folding (CAF suffix, PTIN's
//   `P`, state codes, "None");
// - the value's own invariants: a TIN's kind fits its digits (ITIN area 900+, SSN rules, assigned
//   EIN prefix), its masked form shows only the last four digits, a day survives the ordinal round
//   trip and the next day is one day later, a tax period has an end day in its own year and month.
// Errors thrown must name the kind of value that was being parsed.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = fuzzText(data, size)
    checkTIN(text)
    checkCAF(text)
    roundTrip(text, PTIN.init(parsing:), kind: .ptin, canonical: text.uppercased())
    roundTrip(text, EFIN.init(parsing:), kind: .efin, canonical: text)
    roundTrip(text, ZIPCode.init(parsing:), kind: .zip, canonical: text)
    roundTrip(text, USState.init(parsing:), kind: .state, canonical: text.uppercased())
    checkDay(text)
    checkTaxPeriod(text)
    return 0
}

/// Parses `text`, and when that succeeds checks the canonical form and the round trip.
private func roundTrip<T: Equatable & CustomStringConvertible>(
    _ text: String, _ parse: (String) throws(IdentifierError) -> T, kind: IdentifierKind, canonical: String
) {
    let value: T
    do {
        value = try parse(text)
    } catch {
        require(error.kind == kind, "\(kind) parser threw an error of kind \(error.kind)")
        return
    }
    require(value.description == canonical, "\(kind): canonical form \(value.description) is not \(canonical)")
    require((try? parse(value.description)) == value, "\(kind): canonical form does not parse back")
}

private func checkTIN(_ text: String) {
    let tin: TIN
    do {
        tin = try TIN(parsing: text)
    } catch {
        require([.ssn, .itin, .ein, .tin].contains(error.kind), "TIN parser threw an error of kind \(error.kind)")
        return
    }
    require(tin.description == text, "TIN canonical form differs from the text")
    require((try? TIN(parsing: tin.description)) == tin, "TIN does not parse back")
    let digits = Array(tin.digits.utf8)
    require(digits.count == 9 && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, "TIN digits are not 9 digits")
    switch tin {
    case .ssn(let ssn):
        require(ssn.area != 0 && ssn.area != 666 && ssn.area < 900 && ssn.group != 0 && ssn.serial != 0, "SSN breaks the SSA rules")
    case .itin(let itin):
        require(itin.area >= 900 && itin.group != 93, "ITIN breaks its rules")
    case .ein(let ein):
        require(EIN.isValidPrefix(ein.prefix), "EIN has an unassigned prefix")
    }
    let masked = Masking.tin(tin)
    require(masked.hasSuffix(tin.lastFour) && masked.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count == 4,
            "masked TIN shows more than the last four digits")
}

private func checkCAF(_ text: String) {
    roundTrip(text, CAFNumber.init(parsing:), kind: .caf, canonical: text.uppercased())
    let reference: CAFReference
    do {
        reference = try CAFReference(parsing: text)
    } catch {
        require(error.kind == .caf, "CAFReference parser threw an error of kind \(error.kind)")
        return
    }
    require((try? CAFReference(parsing: reference.description)) == reference, "CAF reference does not parse back")
    switch reference {
    case .none: require(text.lowercased() == "none", "CAF reference None from another text")
    case .number(let number): require(number.description == text.uppercased(), "CAF reference number differs from the text")
    }
}

private func checkDay(_ text: String) {
    roundTrip(text, Day.init(parsing:), kind: .date, canonical: text)
    guard let day = try? Day(parsing: text) else { return }
    require(Day(ordinal: day.ordinal) == day, "day does not survive the ordinal round trip")
    let next = day.adding(days: 1)
    require(next > day && day.days(until: next) == 1, "the next day is not one day later")
    if day.year < 9999 || day.month < 12 || day.day < 31 {
        require((try? Day(year: next.year, month: next.month, day: next.day)) == next, "the next day is not a valid day")
    }
}

private func checkTaxPeriod(_ text: String) {
    let period: TaxPeriod
    do {
        period = try TaxPeriod(parsing: text)
    } catch {
        return
    }
    require(period.description == text, "tax period canonical form differs from the text")
    require((try? TaxPeriod(parsing: period.description)) == period, "tax period does not parse back")
    let end = period.endDay
    require(end.year == period.year && end.month == period.endMonth, "tax period ends outside its month")
    require(end.adding(days: 1).day == 1, "tax period's end day is not the last of its month")
}
