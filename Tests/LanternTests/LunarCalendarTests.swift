import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// The festival calendar: the committed `LunarTable` against lunar-python's own output, against
/// dates typed by hand from published calendars, and the rules for lunar birthdays.
///
/// The two CSV fixtures under `Tests/Fixtures/calendar/` are written by `scripts/lunar/generate.py`
/// from lunar-python alone, never from the table, so they check the table and its decoding.
@Suite struct LunarCalendarTests {
    static let fixtures = TestSite.fixtures.appending(path: "calendar")

    static func rows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: fixtures.appending(path: name), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    }

    static func day(_ text: String) -> Day { Day(text)! }

    // MARK: - (a) every date against lunar-python

    @Test func everyOccasionFrom1950To2100MatchesLunarPython() throws {
        let rows = try Self.rows("occasions-1950-2100.csv")
        let dated = Occasion.allCases.filter { $0 != .birthday }
        #expect(dated.count == 12)  // 11 festivals with a date rule, and 除夕
        #expect(rows.count == 151 * dated.count)
        var seen = Set<String>()
        for row in rows {
            let occasion = try #require(Occasion(rawValue: row[0]), "unknown occasion \(row[0])")
            let year = try #require(Int(row[1]))
            #expect(try occasion.day(in: year) == Day(row[2]), "\(occasion.rawValue) \(year)")
            seen.insert("\(occasion.rawValue) \(year)")
        }
        for year in LunarCalendar.years {
            for occasion in dated { #expect(seen.contains("\(occasion.rawValue) \(year)")) }
            #expect(try Occasion.birthday.day(in: year) == nil)
        }
    }

    @Test func everyLunarMonthFrom1949To2100MatchesLunarPython() throws {
        let rows = try Self.rows("lunar-months-1949-2100.csv")
        #expect(rows.count == LunarTable.years.reduce(0) { $0 + $1.months.count })
        #expect(LunarTable.years.map(\.year) == Array(1949...2100))
        for row in rows {
            let year = Int(row[0])!, number = Int(row[1])!, isLeap = row[2] == "1"
            let month = try #require(LunarTable.year(year)?.month(number, isLeap: isLeap), "\(row)")
            #expect(Day(julianDay: month.firstDay) == Self.day(row[3]), "\(row)")
            #expect(month.length == Int(row[4]), "\(row)")
            if isLeap, LunarCalendar.years.contains(year) { #expect(try LunarCalendar.leapMonth(in: year) == number) }
        }
        let leapYears = Set(rows.filter { $0[2] == "1" }.map { Int($0[0])! })
        for year in LunarCalendar.years where !leapYears.contains(year) {
            #expect(try LunarCalendar.leapMonth(in: year) == nil, "\(year)")
        }
    }

    /// Every Gregorian day 1950–2100 converts to a lunar date and back, one day after another.
    @Test func everyDayRoundTrips() throws {
        var day = Self.day("1950-01-01")
        var previous = LunarDate(year: 1949, month: 11, day: 12)  // 1949-12-31, outside the public range
        while day.year <= 2100 {
            let lunar = try LunarCalendar.lunarDate(of: day)
            if lunar.year >= 1950 { #expect(try LunarCalendar.day(of: lunar) == day) }
            if lunar.day != previous.day + 1 {
                #expect(lunar.day == 1 && [29, 30].contains(previous.day), "\(day)")
            }
            previous = lunar
            day = day.adding(days: 1)
        }
    }

    // MARK: - (b) published calendars

    /// Typed by hand, not taken from the table or the fixtures: dates as printed by the Hong Kong
    /// Observatory's 公历与农历日期对照表 and 二十四节气 tables, and for 2023–2026 by the State
    /// Council's holiday notices (国务院办公厅关于…部分节假日安排的通知). Each was also confirmed
    /// with lunar-python 1.4.8 when written here.
    static let published: [(Occasion, Int, String)] = [
        (.springFestival, 1950, "1950-02-17"),
        (.springFestival, 2000, "2000-02-05"),
        (.springFestival, 2008, "2008-02-07"),
        (.springFestival, 2020, "2020-01-25"),
        (.springFestival, 2023, "2023-01-22"),
        (.springFestival, 2024, "2024-02-10"),
        (.springFestival, 2025, "2025-01-29"),
        (.springFestival, 2026, "2026-02-17"),
        (.springFestival, 2027, "2027-02-06"),
        (.newYearsEve, 2025, "2025-01-28"),
        (.newYearsEve, 2026, "2026-02-16"),
        (.lanternFestival, 2026, "2026-03-03"),
        (.qingming, 2008, "2008-04-04"),
        (.qingming, 2023, "2023-04-05"),
        (.qingming, 2024, "2024-04-04"),
        (.qingming, 2025, "2025-04-04"),
        (.qingming, 2026, "2026-04-05"),
        (.dragonBoat, 2023, "2023-06-22"),
        (.dragonBoat, 2024, "2024-06-10"),
        (.dragonBoat, 2025, "2025-05-31"),
        (.dragonBoat, 2026, "2026-06-19"),
        (.qixi, 2026, "2026-08-19"),
        (.midAutumn, 2008, "2008-09-14"),
        (.midAutumn, 2023, "2023-09-29"),
        (.midAutumn, 2024, "2024-09-17"),
        (.midAutumn, 2025, "2025-10-06"),
        (.midAutumn, 2026, "2026-09-25"),
        (.doubleNinth, 2026, "2026-10-18"),
    ]

    @Test(arguments: published)
    func publishedDate(_ occasion: Occasion, _ year: Int, _ date: String) throws {
        #expect(try occasion.day(in: year) == Self.day(date))
    }

    @Test func fixedDatesAndNames() throws {
        #expect(try Occasion.newYear.day(in: 2026) == Self.day("2026-01-01"))
        #expect(try Occasion.womensDay.day(in: 2026) == Self.day("2026-03-08"))
        #expect(try Occasion.labourDay.day(in: 2026) == Self.day("2026-05-01"))
        #expect(try Occasion.nationalDay.day(in: 2026) == Self.day("2026-10-01"))
        #expect(Occasion.allCases.map(\.chineseName) == ["元旦", "春节", "元宵节", "三八妇女节", "清明节", "劳动节",
                                                         "端午节", "七夕", "中秋节", "重阳节", "国庆节", "除夕", "生日"])
        #expect(Occasion(rawValue: "new-years-eve")?.englishName == "Chinese New Year's Eve")
    }

    // MARK: - (c) outside 1950–2100

    @Test func lookupsOutside1950To2100AreAClearError() throws {
        let late = CalendarError(.yearOutOfRange(2101)), early = CalendarError(.yearOutOfRange(1949))
        #expect(late.description == "year 2101 is outside 1950–2100, the years Lantern's checked festival calendar covers")
        #expect(throws: late) { try Occasion.springFestival.day(in: 2101) }
        #expect(throws: early) { try Occasion.midAutumn.day(in: 1949) }
        #expect(throws: late) { try Occasion.newYear.day(in: 2101) }
        #expect(throws: late) { try Occasion.birthday.day(in: 2101) }
        #expect(throws: early) { try SolarTerms.qingming(1949) }
        #expect(throws: late) { try SolarTerms.qingming(2101) }
        #expect(throws: late) { try LunarCalendar.day(of: LunarDate(year: 2101, month: 1, day: 1)) }
        #expect(throws: early) { try LunarCalendar.leapMonth(in: 1949) }
        #expect(throws: late) { try LunarCalendar.monthLength(year: 2101, month: 1, isLeapMonth: false) }
        #expect(throws: late) { try LunarCalendar.birthday(month: 8, isLeapMonth: false, day: 15, inGregorianYear: 2101) }
        let before = CalendarError(.dayOutOfRange(Self.day("1949-12-31")))
        #expect(throws: before) { try LunarCalendar.lunarDate(of: Self.day("1949-12-31")) }
        #expect(throws: CalendarError(.dayOutOfRange(Self.day("2101-01-01")))) {
            try LunarCalendar.lunarDate(of: Self.day("2101-01-01"))
        }
        #expect(before.description.hasPrefix("1949-12-31 is outside 1950–2100"))
        // The edges themselves answer: 1950's January lies in lunar 1949, 2100's December in lunar 2100.
        #expect(try LunarCalendar.lunarDate(of: Self.day("1950-01-01")) == LunarDate(year: 1949, month: 11, day: 13))
        #expect(try LunarCalendar.lunarDate(of: Self.day("2100-12-31")).year == 2100)
        #expect(try Occasion.newYearsEve.day(in: 1950) == Self.day("1950-02-16"))
    }

    @Test func malformedLunarDatesAreAClearError() throws {
        #expect(throws: CalendarError(.noSuchLunarMonth(13))) { try LunarCalendar.day(of: LunarDate(year: 2026, month: 13, day: 1)) }
        #expect(throws: CalendarError(.noSuchLunarDay(31))) {
            try LunarCalendar.birthday(month: 8, isLeapMonth: false, day: 31, inGregorianYear: 2026)
        }
        #expect(CalendarError(.noSuchLunarDay(0)).description == "lunar day 0 does not exist: days are 1–30")
        // Well-formed but absent: nil, not an error.
        #expect(try LunarCalendar.day(of: LunarDate(year: 2026, month: 4, isLeapMonth: true, day: 1)) == nil)
        #expect(try LunarCalendar.day(of: LunarDate(year: 2026, month: 4, day: 30)) == nil)
        #expect(try LunarCalendar.monthLength(year: 2026, month: 4, isLeapMonth: true) == nil)
    }

    // MARK: - (d) lunar birthdays

    @Test func rosterFormParses() {
        #expect(LunarDate("1968-08-15") == LunarDate(year: 1968, month: 8, day: 15))
        #expect(LunarDate("1968-L07-10") == LunarDate(year: 1968, month: 7, isLeapMonth: true, day: 10))
        #expect(LunarDate("1968-L07-10")?.description == "1968-L07-10")
        #expect(LunarDate("1968-08-05")?.description == "1968-08-05")
        for bad in ["1968-13-01", "1968-08-31", "1968-08-00", "1968-8-15", "1968-l07-10", "1968-LL7-10", "八月十五"] {
            #expect(LunarDate(bad) == nil, "\(bad)")
        }
    }

    @Test func midAutumnBirthdayIn2026() throws {
        let born = try #require(LunarDate("1968-08-15"))
        #expect(try LunarCalendar.birthday(month: born.month, isLeapMonth: born.isLeapMonth, day: born.day,
                                           inGregorianYear: 2026) == Self.day("2026-09-25"))
    }

    /// 四月 2026 has 29 days (2026-05-17…06-14), so a 四月三十 birthday falls on 四月廿九; 四月 2027 has 30.
    @Test func thirtiethInA29DayMonthFallsOnThe29th() throws {
        #expect(try LunarCalendar.monthLength(year: 2026, month: 4, isLeapMonth: false) == 29)
        #expect(try LunarCalendar.birthday(month: 4, isLeapMonth: false, day: 30, inGregorianYear: 2026) == Self.day("2026-06-14"))
        #expect(try LunarCalendar.birthday(month: 4, isLeapMonth: false, day: 29, inGregorianYear: 2026) == Self.day("2026-06-14"))
        #expect(try LunarCalendar.monthLength(year: 2027, month: 4, isLeapMonth: false) == 30)
        #expect(try LunarCalendar.birthday(month: 4, isLeapMonth: false, day: 30, inGregorianYear: 2027) == Self.day("2027-06-04"))
    }

    /// Born 闰七月初十 1968: celebrated in 闰七月 in 2044, which has one, and in 七月 in 2025,
    /// whose leap month is 闰六月.
    @Test func leapMonthBirthday() throws {
        let born = try #require(LunarDate("1968-L07-10"))
        #expect(try LunarCalendar.day(of: born) == Self.day("1968-09-02"))
        #expect(try LunarCalendar.leapMonth(in: 2044) == 7)
        #expect(try LunarCalendar.birthday(month: 7, isLeapMonth: true, day: 10, inGregorianYear: 2044) == Self.day("2044-09-01"))
        #expect(try LunarCalendar.birthday(month: 7, isLeapMonth: false, day: 10, inGregorianYear: 2044) == Self.day("2044-08-03"))
        #expect(try LunarCalendar.leapMonth(in: 2025) == 6)
        #expect(try LunarCalendar.birthday(month: 7, isLeapMonth: true, day: 10, inGregorianYear: 2025) == Self.day("2025-09-01"))
        // Born 闰六月十五 1987: 闰六月 2025 (from 2025-07-25), 六月 2026.
        #expect(try LunarCalendar.leapMonth(in: 1987) == 6)
        #expect(try LunarCalendar.birthday(month: 6, isLeapMonth: true, day: 15, inGregorianYear: 2025) == Self.day("2025-08-08"))
        #expect(try LunarCalendar.birthday(month: 6, isLeapMonth: true, day: 15, inGregorianYear: 2026) == Self.day("2026-07-28"))
    }

    /// 冬月二十: lunar 2023's falls on 2024-01-01 and lunar 2024's on 2024-12-20, both in 2024, so the
    /// lunar year equal to the Gregorian year wins; 2025 has none (2024-12-20, then 2026-01-08).
    @Test func birthdayTwiceOrNeverInOneGregorianYear() throws {
        #expect(try LunarCalendar.day(of: LunarDate(year: 2023, month: 11, day: 20)) == Self.day("2024-01-01"))
        #expect(try LunarCalendar.birthday(month: 11, isLeapMonth: false, day: 20, inGregorianYear: 2024) == Self.day("2024-12-20"))
        #expect(try LunarCalendar.birthday(month: 11, isLeapMonth: false, day: 20, inGregorianYear: 2025) == nil)
        #expect(try LunarCalendar.birthday(month: 11, isLeapMonth: false, day: 20, inGregorianYear: 2026) == Self.day("2026-12-28"))
        // A 正月 birthday is in lunar year `year` only.
        #expect(try LunarCalendar.birthday(month: 1, isLeapMonth: false, day: 1, inGregorianYear: 2026) == Self.day("2026-02-17"))
        // The edges: Gregorian 1950 may use lunar 1949, which the table holds for this.
        #expect(try LunarCalendar.birthday(month: 12, isLeapMonth: false, day: 1, inGregorianYear: 1950) != nil)
    }

    // MARK: - (e) the disputed months (scripts/lunar/README.md)

    /// New moon at midnight ± seconds; Foundation says 九月 "day 0" on 2057-09-28. Read as 八月三十.
    @Test func disputed2057() throws {
        #expect(try LunarCalendar.lunarDate(of: Self.day("2057-09-28")) == LunarDate(year: 2057, month: 8, day: 30))
        #expect(try LunarCalendar.lunarDate(of: Self.day("2057-09-29")) == LunarDate(year: 2057, month: 9, day: 1))
        #expect(try LunarCalendar.monthLength(year: 2057, month: 8, isLeapMonth: false) == 30)
        #expect(try LunarCalendar.monthLength(year: 2057, month: 9, isLeapMonth: false) == 29)
        #expect(try Occasion.doubleNinth.day(in: 2057) == Self.day("2057-10-07"))
    }

    /// New moon 40 s to midnight; Foundation says 七月 "day 0" on 2097-08-07, 初一 on 08-08. Read as 七月初一.
    @Test func disputed2097() throws {
        #expect(try LunarCalendar.lunarDate(of: Self.day("2097-08-06")) == LunarDate(year: 2097, month: 6, day: 29))
        #expect(try LunarCalendar.lunarDate(of: Self.day("2097-08-07")) == LunarDate(year: 2097, month: 7, day: 1))
        #expect(try LunarCalendar.monthLength(year: 2097, month: 6, isLeapMonth: false) == 29)
        #expect(try LunarCalendar.monthLength(year: 2097, month: 7, isLeapMonth: false) == 30)
        #expect(try Occasion.qixi.day(in: 2097) == Self.day("2097-08-13"))
    }
}
