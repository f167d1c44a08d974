/// One roster row. Everything here is personal information: see PRODUCT.md, Privacy.
public struct Member: Sendable {
    public enum Gender: String, Sendable { case female = "F", male = "M" }
    public enum BirthdayCalendar: String, Sendable { case solar, lunar }

    /// A birthday as the roster writes it: a Gregorian day, or a lunar month and day.
    public enum Birthday: Hashable, Sendable {
        case solar(Day)
        /// `1968-L04-15` is the 15th of the leap fourth month of 1968.
        case lunar(LunarDate)
    }
    public enum Status: String, Sendable { case active, left }

    public var id: MemberID
    public var name: String
    public var department: String
    public var gender: Gender?
    public var birthday: Birthday?
    public var hireDate: Day?
    public var city: String
    public var email: String
    public var phone: String
    public var language: String
    public var status: Status
    /// Audience groups; used to select, never printed.
    public var tags: Set<String>
    public var location: SourceLocation
    /// Where `birthday` and `hireDate` are written, for the checks that compare them with the
    /// day of the build (`RosterDates`).
    public var birthdayLocation: SourceLocation? = nil
    public var hireDateLocation: SourceLocation? = nil
    /// Where `city` is written, for the warning about a city no shop item is delivered to.
    public var cityLocation: SourceLocation? = nil

    public init(id: MemberID, name: String, department: String, gender: Gender? = nil, birthday: Birthday? = nil, hireDate: Day? = nil, city: String, email: String, phone: String, language: String, status: Status, tags: Set<String>, location: SourceLocation, birthdayLocation: SourceLocation? = nil, hireDateLocation: SourceLocation? = nil, cityLocation: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.department = department
        self.gender = gender
        self.birthday = birthday
        self.hireDate = hireDate
        self.city = city
        self.email = email
        self.phone = phone
        self.language = language
        self.status = status
        self.tags = tags
        self.location = location
        self.birthdayLocation = birthdayLocation
        self.hireDateLocation = hireDateLocation
        self.cityLocation = cityLocation
    }

    /// Whole years since `hireDate` on `today`, or `nil` when the hire date is unknown.
    public func yearsOfService(on today: Day) -> Int? {
        guard let hire = hireDate, hire <= today else { return nil }
        var years = today.year - hire.year
        if (today.month, today.day) < (hire.month, hire.day) { years -= 1 }
        return years
    }
}
