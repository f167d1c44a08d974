/// Solar terms (节气) the festivals need, from the committed, cross-checked `LunarTable`.
enum SolarTerms {
    /// 清明 (the Sun at 15°, dated in UTC+8) in Gregorian `year`: always 4, 5 or 6 April.
    static func qingming(_ year: Int) throws(CalendarError) -> Day {
        let index = year - LunarTable.qingmingFirstYear
        guard LunarCalendar.years.contains(year), LunarTable.qingmingDayInApril.indices.contains(index) else {
            throw CalendarError(.yearOutOfRange(year))
        }
        return Day(year: year, month: 4, day: LunarTable.qingmingDayInApril[index])!
    }
}
