/// Realistic names for synthetic people and businesses: plain, hyphenated, prefixed (Mc, O', Van,
/// De La), with suffixes (Jr., III), a few non-ASCII (José, Zoë, Łukasz), and business names that
/// exercise the name-control rules ("The Willow Co.", "P & P Company", "11th Street Inc.").
enum SyntheticNames {
    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Dana", "Ralph", "Brandy", "Joe", "Mark", "Ana", "Luis", "Mei", "Wei", "Priya", "Aisha", "Omar",
        "Grace", "Henry", "Olivia", "Noah", "Emma", "Liam", "Ava", "Mateo", "Sofia", "Ethan", "Chloe",
        "Kwame", "Fatima", "Hiroshi", "Yuki", "Ivan", "Nadia", "Sean", "Siobhan", "Darnell", "Keisha",
        "José", "Zoë", "Renée", "Łukasz", "Siobhán", "Chloé", "Søren", "Björn", "Inés", "François",
    ]

    static let lastNames = [
        "Teak", "Oak", "Ash", "Cedar", "Hawthorn", "Willow", "Hemlock", "Birch", "Maple", "Elm", "Alder",
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
        "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Hill", "Flores", "Green",
        "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Kim",
        "Patel", "Chen", "Singh", "Okafor", "Yamamoto", "Kowalski", "Ivanova", "Haddad",
        "Müller", "Peña", "Núñez", "Łukaszewicz", "Sjöberg",
    ]

    /// Last names with prefixes and apostrophes, whose name controls are the interesting ones.
    static let prefixedLastNames = [
        "McCedar", "Mc Cedar", "McDonald", "MacArthur", "O'Neil", "O'Brien", "D'Angelo", "Van Dyke",
        "Van der Berg", "De La Rosa", "De la Cruz", "St. John", "Le Blanc", "Di Maggio", "Von Trapp",
    ]

    static let middleNames = ["A", "B", "C", "J", "L", "M", "R", "T", "Ann", "Lee", "Marie", "James", "Ray"]
    static let suffixes = ["Jr.", "Sr.", "II", "III", "IV"]

    /// A person's name.
    static func person(_ rng: inout SplitMix64) -> RecordName {
        let first = rng.pick(firstNames)
        let last: String
        switch rng.int(0...99) {
        case 0..<10: last = rng.pick(prefixedLastNames)
        case 10..<18: last = rng.pick(lastNames) + "-" + rng.pick(lastNames)
        default: last = rng.pick(lastNames)
        }
        let middle = rng.chance(0.4) ? rng.pick(middleNames) : nil
        let suffix = rng.chance(0.05) ? rng.pick(suffixes) : nil
        return .person(first: first, middle: middle, last: last, suffix: suffix)
    }

    static let businessWords = [
        "Sumac", "Field", "Plow", "Willow", "Hawthorn", "Summit", "River", "Harbor", "Granite", "Prairie",
        "Cascade", "Pioneer", "Liberty", "Beacon", "Cedar", "Maple", "Sunshine", "Redwood", "Keystone",
        "Lakeside", "Northwind", "Bluebird", "Ironwood", "Evergreen", "Copper", "Meadow",
    ]
    static let businessKinds = ["Inc.", "LLC", "Co.", "Corp.", "Company", "Group", "Partners", "PA", "Ltd."]
    static let trades = ["Bakery", "Cafe", "Construction", "Dental", "Logistics", "Farms", "Consulting",
                         "Hardware", "Motors", "Florist", "Printing", "Landscaping"]

    /// A business name in one of several shapes.
    static func business(_ rng: inout SplitMix64) -> RecordName {
        let word = rng.pick(businessWords)
        let name: String
        switch rng.int(0...9) {
        case 0: name = "The \(word) \(rng.pick(businessKinds))"
        case 1: name = "The \(word)"
        case 2:
            let a = rng.pick(["P", "A", "B", "J", "M", "R"])
            name = "\(a) & \(rng.pick(["P", "S", "T", "K"])) \(rng.pick(businessKinds))"
        case 3: name = "\(rng.int(1...99))\(ordinalSuffix(rng.int(1...9))) Street \(rng.pick(businessKinds))"
        case 4: name = "\(rng.pick(lastNames)) & \(rng.pick(lastNames)) \(rng.pick(["CPAs", "LLP", "Partners"]))"
        case 5: name = "\(word)-\(rng.pick(businessWords)) \(rng.pick(trades))"
        case 6: name = "The \(word) \(rng.pick(trades)) \(rng.pick(businessKinds))"
        default: name = "\(word) \(rng.pick(trades)) \(rng.pick(businessKinds))"
        }
        return .business(name)
    }

    private static func ordinalSuffix(_ n: Int) -> String {
        switch n {
        case 1: "st"
        case 2: "nd"
        case 3: "rd"
        default: "th"
        }
    }
}
