import LanternModel

/// When a theme is open: from `opens` days before its day to `closes` days after.
extension Theme {
    package enum Status: Sendable, Equatable { case upcoming, open, closed }

    /// The days the shop is open around a festival day.
    package func window(around day: Day) -> ClosedRange<Day> {
        day.adding(days: -opens)...day.adding(days: closes)
    }

    /// The theme's status for the site as a whole. A birthday theme is always open:
    /// whether it is open for one member depends on that member's birthday.
    package func status(on today: Day) -> Status {
        switch schedule {
        case .birthday: return .open
        case .fixed(let day):
            let window = window(around: day)
            if today < window.lowerBound { return .upcoming }
            return window.contains(today) ? .open : .closed
        }
    }

    /// The festival day that makes the theme open for `member` on `today`, or nil when it is not open.
    ///
    /// For birthdays, the member's birthday in the previous, current and next year is tried so a
    /// window that crosses New Year works. See `Member.birthday(inYear:)` for 29 February and
    /// lunar birthdays.
    /// The festival day of a window that closed for `member` at most `days` days before
    /// `today` (the time to ask for feedback), or nil.
    package func closedDay(for member: Member, on today: Day, within days: Int) -> Day? {
        let candidates: [Day]
        switch schedule {
        case .fixed(let day): candidates = [day]
        case .birthday: candidates = [today.year - 1, today.year].compactMap { member.birthday(inYear: $0) }.reversed()
        }
        return candidates.first { day in
            let end = window(around: day).upperBound
            return end < today && today <= end.adding(days: days)
        }
    }

    package func occasionDay(for member: Member, on today: Day) -> Day? {
        switch schedule {
        case .fixed(let day):
            return window(around: day).contains(today) ? day : nil
        case .birthday:
            for year in [today.year - 1, today.year, today.year + 1] {
                if let day = member.birthday(inYear: year), window(around: day).contains(today) { return day }
            }
            return nil
        }
    }
}

extension Theme {
    /// Fixed days sort by their Julian day; birthdays after every festival.
    var sortKey: Int {
        if case .fixed(let day) = schedule { day.julianDay } else { Int.max }
    }
}
