import SordCore
import Testing

@Suite struct ReferenceMoneyTests {
    @Test(arguments: [
        ("-1234.50", -123_450, "-1234.50"), ("0.00", 0, "0.00"), ("7", 700, "7.00"), ("7.5", 750, "7.50"),
        ("-0.05", -5, "-0.05"), ("52000.00", 5_200_000, "52000.00"),
    ])
    func parsesAndFormats(text: String, cents: Int64, canonical: String) throws {
        let money = try #require(Money(text))
        #expect(money.cents == cents)
        #expect(money.description == canonical)
    }

    @Test(arguments: ["", "-", "1.", ".5", "1.234", "+1.00", "1e3", "1,000.00", " 1.00", "12a", "--1"])
    func refusesWhatIsNotADecimalAmount(text: String) {
        #expect(Money(text) == nil)
    }

    @Test func arithmeticIsExact() throws {
        let tenths = (0..<10).reduce(Money.zero) { sum, _ in sum + Money("0.10")! }
        #expect(tenths == Money("1.00"))
        #expect(Money("5.00")! - Money("7.25")! == Money("-2.25"))
    }
}
