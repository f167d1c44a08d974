/// One roster row. Everything here is personal information: see PRODUCT.md, Privacy.
package struct Member: Sendable {
    package enum Gender: String, Sendable { case female = "F", male = "M" }
    package enum BirthdayCalendar: String, Sendable { case solar, lunar }

    /// A birthday as the roster writes it: a Gregorian day, or a lunar month and day.
    package enum Birthday: Hashable, Sendable {
        case solar(Day)
        /// `1968-L04-15` is the 15th of the leap fourth month of 1968.
        case lunar(LunarDate)
    }
    package enum Status: String, Sendable { case active, left }

    package var id: MemberID
    package var name: String
    package var department: String
    package var gender: Gender?
    package var birthday: Birthday?
    package var hireDate: Day?
    package var city: String
    package var email: String
    package var phone: String
    package var language: String
    package var status: Status
    /// Audience groups; used to select, never printed.
    package var tags: Set<String>
    package var location: SourceLocation
    /// Where `birthday` and `hireDate` are written, for the checks that compare them with the
    /// day of the build (`RosterDates`).
    package var birthdayLocation: SourceLocation? = nil
    package var hireDateLocation: SourceLocation? = nil
    /// Where `city` is written, for the warning about a city no shop item is delivered to.
    package var cityLocation: SourceLocation? = nil
    /// Where `language` is written, for the warning about a language with no locale file.
    package var languageLocation: SourceLocation? = nil

    package init(id: MemberID, name: String, department: String, gender: Gender? = nil, birthday: Birthday? = nil, hireDate: Day? = nil, city: String, email: String, phone: String, language: String, status: Status, tags: Set<String>, location: SourceLocation, birthdayLocation: SourceLocation? = nil, hireDateLocation: SourceLocation? = nil, cityLocation: SourceLocation? = nil) {
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
    package func yearsOfService(on today: Day) -> Int? {
        guard let hire = hireDate, hire <= today else { return nil }
        var years = today.year - hire.year
        if (today.month, today.day) < (hire.month, hire.day) { years -= 1 }
        return years
    }
}
