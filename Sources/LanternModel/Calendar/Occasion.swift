/// An occasion a theme can be for, with the stable key sites write in front matter and CSV.
package enum Occasion: String, CaseIterable, Sendable {
    case newYear = "new-year", springFestival = "spring-festival", lanternFestival = "lantern-festival",
         womensDay = "womens-day", qingming, labourDay = "labour-day", dragonBoat = "dragon-boat", qixi,
         midAutumn = "mid-autumn", doubleNinth = "double-ninth", nationalDay = "national-day",
         newYearsEve = "new-years-eve", birthday

    package var chineseName: String {
        switch self {
        case .newYear: "元旦"
        case .springFestival: "春节"
        case .lanternFestival: "元宵节"
        case .womensDay: "三八妇女节"
        case .qingming: "清明节"
        case .labourDay: "劳动节"
        case .dragonBoat: "端午节"
        case .qixi: "七夕"
        case .midAutumn: "中秋节"
        case .doubleNinth: "重阳节"
        case .nationalDay: "国庆节"
        case .newYearsEve: "除夕"
        case .birthday: "生日"
        }
    }

    package var englishName: String {
        switch self {
        case .newYear: "New Year's Day"
        case .springFestival: "Spring Festival"
        case .lanternFestival: "Lantern Festival"
        case .womensDay: "International Women's Day"
        case .qingming: "Qingming Festival"
        case .labourDay: "Labour Day"
        case .dragonBoat: "Dragon Boat Festival"
        case .qixi: "Qixi Festival"
        case .midAutumn: "Mid-Autumn Festival"
        case .doubleNinth: "Double Ninth Festival"
        case .nationalDay: "National Day"
        case .newYearsEve: "Chinese New Year's Eve"
        case .birthday: "Birthday"
        }
    }

    /// The festival's day in Gregorian `year`; nil for `birthday` (personal). Lunar festivals use
    /// the lunar year equal to `year`; 除夕 is the day before that year's 春节, so it falls in
    /// January or February of `year` (not the 除夕 at the end of `year`'s lunar year).
    package func day(in year: Int) throws(CalendarError) -> Day? {
        guard LunarCalendar.years.contains(year) else { throw CalendarError(.yearOutOfRange(year)) }
        switch self {
        case .newYear: return Day(year: year, month: 1, day: 1)
        case .womensDay: return Day(year: year, month: 3, day: 8)
        case .labourDay: return Day(year: year, month: 5, day: 1)
        case .nationalDay: return Day(year: year, month: 10, day: 1)
        case .qingming: return try SolarTerms.qingming(year)
        case .springFestival: return try lunar(year, 1, 1)
        case .lanternFestival: return try lunar(year, 1, 15)
        case .dragonBoat: return try lunar(year, 5, 5)
        case .qixi: return try lunar(year, 7, 7)
        case .midAutumn: return try lunar(year, 8, 15)
        case .doubleNinth: return try lunar(year, 9, 9)
        case .newYearsEve: return try lunar(year, 1, 1)?.adding(days: -1)
        case .birthday: return nil
        }
    }

    private func lunar(_ year: Int, _ month: Int, _ day: Int) throws(CalendarError) -> Day? {
        try LunarCalendar.day(of: LunarDate(year: year, month: month, day: day))
    }
}
