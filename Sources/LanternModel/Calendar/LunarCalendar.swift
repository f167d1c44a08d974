/// The Chinese lunar calendar for 1950–2100, read from the committed, cross-checked `LunarTable`.
///
/// Every answer comes from the table, never from Foundation's Chinese calendar at run time: that one
/// changes between toolchains and returns day 0 on 2057-09-28 and 2097-08-07. The table's readings
/// of those disputed months are explained in `scripts/lunar/README.md`.
enum LunarCalendar {
    /// The years answered: Gregorian years for Gregorian questions, lunar years for lunar ones.
    static let years: ClosedRange<Int> = 1950...2100

    /// The Gregorian day of a lunar date; nil when that year has no such (leap) month or day
    /// (闰四月 in a year without one, or the 30th of a 29-day month).
    static func day(of date: LunarDate) throws(CalendarError) -> Day? {
        try checkShape(month: date.month, day: date.day)
        let month = try lunarYear(date.year).month(date.month, isLeap: date.isLeapMonth)
        guard let month, date.day <= month.length else { return nil }
        return Day(julianDay: month.firstDay + date.day - 1)
    }

    /// The lunar date of a Gregorian day (which may be in the previous lunar year, before 春节).
    static func lunarDate(of day: Day) throws(CalendarError) -> LunarDate {
        guard years.contains(day.year), let year = LunarTable.year(containing: day.julianDay),
              let month = year.month(containing: day.julianDay) else { throw CalendarError(.dayOutOfRange(day)) }
        return LunarDate(year: year.year, month: month.month, isLeapMonth: month.isLeap,
                         day: day.julianDay - month.firstDay + 1)
    }

    /// Number of days (29 or 30) of a lunar month, nil if the year has no such month.
    static func monthLength(year: Int, month: Int, isLeapMonth: Bool) throws(CalendarError) -> Int? {
        try checkShape(month: month, day: 1)
        return try lunarYear(year).month(month, isLeap: isLeapMonth)?.length
    }

    /// The year's leap month (1–12) or nil.
    static func leapMonth(in year: Int) throws(CalendarError) -> Int? {
        try lunarYear(year).leapMonth
    }

    /// The Gregorian day in Gregorian `year` on which a lunar birthday (month, day; the birth year
    /// does not matter) is celebrated.
    ///
    /// - The 30th in a 29-day month falls on that month's last day, the 29th.
    /// - A leap-month birthday is celebrated in the leap month when that lunar year has it, and in
    ///   the ordinary month of the same number otherwise. An ordinary-month birthday always stays
    ///   in the ordinary month.
    /// - Gregorian `year` overlaps lunar years `year - 1` (January–February) and `year`. The
    ///   birthday of lunar year `year` is taken when it falls inside Gregorian `year`, else that of
    ///   lunar year `year - 1` when it does. When both do (an early 冬月/腊月 birthday: one in
    ///   January, one in December) the lunar year equal to the Gregorian year wins, as for the
    ///   festivals. When neither does (a late 冬月/腊月 birthday that falls in December of `year - 1`
    ///   and January of `year + 1`) there is no birthday in that Gregorian year: nil.
    static func birthday(month: Int, isLeapMonth: Bool, day: Int,
                                inGregorianYear year: Int) throws(CalendarError) -> Day? {
        try checkShape(month: month, day: day)
        guard years.contains(year) else { throw CalendarError(.yearOutOfRange(year)) }
        for lunar in [year, year - 1] {
            guard let lunarYear = LunarTable.year(lunar) else { continue }
            let leap = isLeapMonth && lunarYear.leapMonth == month
            guard let celebrated = lunarYear.month(month, isLeap: leap) else { continue }
            let date = Day(julianDay: celebrated.firstDay + min(day, celebrated.length) - 1)
            if date.year == year { return date }
        }
        return nil
    }

    private static func lunarYear(_ year: Int) throws(CalendarError) -> LunarYear {
        guard years.contains(year), let lunarYear = LunarTable.year(year) else {
            throw CalendarError(.yearOutOfRange(year))
        }
        return lunarYear
    }

    private static func checkShape(month: Int, day: Int) throws(CalendarError) {
        guard (1...12).contains(month) else { throw CalendarError(.noSuchLunarMonth(month)) }
        guard (1...30).contains(day) else { throw CalendarError(.noSuchLunarDay(day)) }
    }
}
