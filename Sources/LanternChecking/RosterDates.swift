import LanternModel

/// Roster dates that cannot be right on the day of the build: a hire date or a (solar) birthday
/// after it. Warnings, not errors: the row is still a member, but `years_of_service` stays empty
/// and the date is most likely mistyped (2062 for 2026) or the row was entered too early.
enum RosterDates {
    static func check(_ roster: [Member], today: Day) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for member in roster {
            if let hire = member.hireDate, hire > today {
                warnings.append(.warning("hire_date \(hire) of \(member.id.rawValue) is after the day of the build (\(today))",
                                         at: member.hireDateLocation ?? member.location,
                                         hint: "check the year; years_of_service stays empty until that day"))
            }
            if case .solar(let day)? = member.birthday, day > today {
                warnings.append(.warning("birthday \(day) of \(member.id.rawValue) is after the day of the build (\(today))",
                                         at: member.birthdayLocation ?? member.location, hint: "check the year"))
            }
        }
        return warnings
    }
}
