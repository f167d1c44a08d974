// TEMPORARY STUB for integration; replaced by the real calendar.
public struct CalendarError: Error, Equatable, CustomStringConvertible { public var description: String }
public enum Occasion: String, CaseIterable, Sendable {
    case newYear = "new-year", springFestival = "spring-festival", lanternFestival = "lantern-festival",
         womensDay = "womens-day", qingming, labourDay = "labour-day", dragonBoat = "dragon-boat", qixi,
         midAutumn = "mid-autumn", doubleNinth = "double-ninth", nationalDay = "national-day",
         newYearsEve = "new-years-eve", birthday
    public var chineseName: String { rawValue }
    public var englishName: String { rawValue }
    public func day(in year: Int) throws(CalendarError) -> Day? {
        switch self {
        case .dragonBoat: Day(year: year, month: 6, day: 19)
        case .womensDay: Day(year: year, month: 3, day: 8)
        case .birthday: nil
        default: Day(year: year, month: 1, day: 1)
        }
    }
}
public enum LunarCalendar {
    public static func birthday(month: Int, isLeapMonth: Bool, day: Int, inGregorianYear year: Int) throws(CalendarError) -> Day? { nil }
}
