import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// `lantern calendar` and the calendar's use in themes and birthday cards.
@Suite struct FestivalCalendarTests {
    @Test func calendar2026AsCSV() throws {
        let policy = try Policy.load(site: TestSite.repository)
        let csv = try FestivalCalendar(year: 2026, policy: policy).csv
        let lines = Set(csv.split(separator: "\n").map(String.init))
        #expect(csv.hasPrefix("occasion,date,allowed\n"))
        for line in ["spring-festival,2026-02-17,true", "qingming,2026-04-05,true", "dragon-boat,2026-06-19,true",
                     "mid-autumn,2026-09-25,true", "womens-day,2026-03-08,true", "new-years-eve,2026-02-16,false",
                     "birthday,,true"] {
            #expect(lines.contains(line), "\(line)")
        }
        #expect(lines.count == Occasion.allCases.count + 1)
    }

    @Test func allowedFollowsThePolicy() throws {
        let national = try PolicyLoader.load(TextFile.read(TestSite.repository.appending(path: "content/policies/national.yaml"),
                                                           displayPath: "national.yaml")).0
        #expect(try FestivalCalendar(year: 2026, policy: national).csv.contains("womens-day,2026-03-08,false"))
        #expect(throws: CalendarError.self) { try FestivalCalendar(year: 2101, policy: national) }
    }

    @Test func themeDayComesFromTheOccasionAndYear() throws {
        let site = try TestSite("minimal")
        let content = try SiteContent.load(site: site.site)
        let dragon = try #require(content.themes.first { $0.slug.rawValue == "dragon-boat" })
        guard case .fixed(let day) = dragon.schedule else { Issue.record("not fixed"); return }
        #expect(day == Day("2026-06-19") && dragon.occasion == .dragonBoat)
    }

    @Test func yearOutsideTheCalendarIsAnErrorAtTheYear() throws {
        let site = try TestSite("minimal")
        try site.write("content/themes/dragon-boat.md", site.read("content/themes/dragon-boat.md")
            .replacingOccurrences(of: "year: 2026", with: "year: 2150"))
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: "content/themes/dragon-boat.md", line: 4, column: 7))
        #expect(errors.first?.message.contains("1950–2100") == true)
    }

    @Test func lunarBirthdayGetsItsCardOnTheDay() throws {
        // T004 陈刚 keeps a lunar birthday 1970-08-15 (八月十五): in 2026 that is 中秋, 2026-09-25.
        let site = try TestSite("minimal")
        try site.build(today: "2026-09-25")
        let card = site.text("m/\(site.token("T004"))/birthday/index.html")
        #expect(card.contains("生日快乐") && card.contains("datetime=\"2026-09-25\""))
        // A week later the window (±7 days) has closed on 10-02 … still open; on 10-03 it is not.
        try site.build(today: "2026-10-03")
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: "m/\(site.token("T004"))/birthday/index.html").path))
    }

    @Test func sampleLunarBirthday1968_08_15IsCelebratedOn2026_09_25() throws {
        let member = Member(id: MemberID("X"), name: "X", department: "", gender: nil,
                            birthday: .lunar(LunarDate("1968-08-15")!), hireDate: nil, city: "", email: "", phone: "",
                            language: "zh-CN", status: .active, tags: [], location: SourceLocation(file: "x"))
        #expect(member.birthday(inYear: 2026) == Day("2026-09-25"))
        // Leap month: 闰四月 1968 → ordinary 四月 in 2026 (no leap 4th month), and a 30th in a 29-day month → 29th.
        let leap = Member(id: MemberID("Y"), name: "Y", department: "", gender: nil,
                          birthday: .lunar(LunarDate("1968-L07-10")!), hireDate: nil, city: "", email: "", phone: "",
                          language: "zh-CN", status: .active, tags: [], location: SourceLocation(file: "y"))
        #expect(leap.birthday(inYear: 2044) == Day("2044-09-01"))
        #expect(leap.birthday(inYear: 2025) == Day("2025-09-01"))
    }
}
