import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

@Suite struct DayTests {
    @Test func parsesStrictISODates() {
        #expect(Day("2026-06-19") == Day(year: 2026, month: 6, day: 19))
        for bad in ["2026-6-19", "2026-02-30", "2026/06/19", "２０２６-06-19", "", "2026-06-19x", "2025-02-29",
                    "+026-06-19", "2026-0a-19", "2026-06-1 ", " 2026-06-1", "2026-06-19\u{301}", "2026-00-10", "0000-01-01"] {
            #expect(Day(bad) == nil, "\(bad)")
        }
        #expect(Day("2024-02-29") != nil)
    }

    @Test func addsDaysAcrossMonthsAndYears() {
        #expect(Day("2026-06-19")!.adding(days: -14).description == "2026-06-05")
        #expect(Day("2026-12-28")!.adding(days: 7).description == "2027-01-04")
        #expect(Day("2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(Day("2026-03-01")!.days(until: Day("2026-03-08")!) == 7)
    }

    @Test func roundTripsThroughJulianDays() {
        var day = Day("1950-01-01")!
        while day.year < 2101 {
            #expect(Day(julianDay: day.julianDay) == day)
            #expect(Day(day.description) == day)
            day = day.adding(days: 97)
        }
    }
}
