extension Member {
    /// The Gregorian day on which the member's birthday is celebrated in `year`.
    ///
    /// A solar 29 February falls on 28 February in common years. A lunar birthday follows the
    /// lunar calendar's rules (`LunarCalendar.birthday`): a 30th in a 29-day month on the 29th, a
    /// leap-month birthday in the ordinary month when the year has no such leap month. Years
    /// outside the calendar's table have no lunar birthday.
    package func birthday(inYear year: Int) -> Day? {
        switch birthday {
        case nil:
            return nil
        case .solar(let birth):
            return Day(year: year, month: birth.month, day: birth.day) ?? Day(year: year, month: birth.month, day: birth.day - 1)
        case .lunar(let date):
            return try? LunarCalendar.birthday(month: date.month, isLeapMonth: date.isLeapMonth, day: date.day, inGregorianYear: year)
        }
    }
}
