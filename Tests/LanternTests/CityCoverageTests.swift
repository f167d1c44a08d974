import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// A city no item of a theme's shop is delivered to is a warning: its members would open an
/// empty shop. Once per theme and city, at the city field of the city's first member the theme
/// is for (`Eligibility.uncoveredCities`).
@Suite struct CityCoverageTests {
    static let catalog = "content/catalog.csv"
    static let roster = "content/roster.csv"

    /// The minimal site with every item of its shops restricted to some cities (广州 only for
    /// 三八节 and birthdays), and four members in 哈尔滨: two men with birthdays, a woman without
    /// one, and a man who has left.
    static func site() throws -> TestSite {
        let site = try TestSite("minimal")
        try site.write(catalog, try site.read(catalog)
            .replacingOccurrences(of: "dragon-boat,*,,八只装", with: "dragon-boat,北京,,八只装")
            .replacingOccurrences(of: "dragon-boat|womens-day,*,", with: "dragon-boat|womens-day,北京|上海,")
            .replacingOccurrences(of: "womens-day,*,,礼盒", with: "womens-day,北京|广州,,礼盒")
            .replacingOccurrences(of: "birthday,*,", with: "birthday,北京|上海|广州,"))
        var members = try site.read(roster)
        if !members.hasSuffix("\n") { members += "\n" }
        members += """
            T007,孙悟,生产部,M,1980-05-05,,2000-01-01,哈尔滨,sun.wu@example.com,13900000007,zh-CN,active,
            T008,钱多,生产部,M,1981-05-05,,2001-01-01,哈尔滨,qian.duo@example.com,13900000008,zh-CN,active,
            T009,刘雪,研发部,F,,,2002-01-01,哈尔滨,liu.xue@example.com,13900000009,zh-CN,active,
            T010,马离,生产部,M,1979-05-05,,2003-01-01,哈尔滨,ma.li@example.com,13900000010,zh-CN,left,

            """
        try site.write(roster, members)
        return site
    }

    static func cityWarnings(_ warnings: [Diagnostic]) -> [Diagnostic] {
        warnings.filter { $0.message.hasPrefix("no item of theme") }
    }

    @Test func aCityNoItemCoversWarnsOncePerThemeAtItsFirstMember() throws {
        let site = try Self.site()
        let result = try site.build(today: "2026-06-10")
        // `T003,赵敏,财务部,F,1992-03-06,,2020-09-01,` and `T007,孙悟,生产部,M,1980-05-05,,2000-01-01,` are
        // 37 characters, `T009,刘雪,研发部,F,,,2002-01-01,` 27.
        let harbin = try only(.warning, containing: "no item of theme `dragon-boat` is delivered to 哈尔滨 (3 members)", in: result.warnings)
        #expect(harbin.location == at(Self.roster, 8, 38))
        #expect(harbin.hint == "add 哈尔滨 to the `cities` of an item in the catalog, or leave `cities` empty to deliver it everywhere")
        let guangzhou = try only(.warning, containing: "no item of theme `dragon-boat` is delivered to 广州 (1 member)", in: result.warnings)
        #expect(guangzhou.location == at(Self.roster, 4, 38))
        // 三八节 is for women only: of 哈尔滨, T009; it delivers to 广州.
        let women = try only(.warning, containing: "no item of theme `womens-day` is delivered to 哈尔滨 (1 member)", in: result.warnings)
        #expect(women.location == at(Self.roster, 10, 28))
        // Birthdays: only the members with a birthday, T007 and T008.
        let birthday = try only(.warning, containing: "no item of theme `birthday` is delivered to 哈尔滨 (2 members)", in: result.warnings)
        #expect(birthday.location == at(Self.roster, 8, 38))
        // Nothing for the covered cities (北京, 上海), nor for members who left.
        #expect(Self.cityWarnings(result.warnings).count == 4)
        #expect(!result.warnings.contains { $0.message.contains("北京") || $0.message.contains("上海") })

        // What the warning foretells: T007's storefront offers nothing, T001's (北京) does.
        let storefront = { (id: String) in "m/\(site.token(id))/dragon-boat/index.html" }
        #expect(site.outputFiles()[storefront("T007")] != nil)
        #expect(site.offeredSKUs(storefront("T007")) == [])
        #expect(site.offeredSKUs(storefront("T001")).sorted() == ["O-1", "Z-1", "Z-2"])
    }

    @Test func coveredCitiesHaveNoWarning() throws {
        let site = try TestSite("minimal")
        // 豆沙粽 is for 北京 and 上海 only, but the other dragon-boat items are delivered everywhere.
        #expect(try site.read(Self.catalog).contains("dragon-boat,北京|上海,"))
        let result = try site.build(today: "2026-06-10")
        #expect(Self.cityWarnings(result.warnings).isEmpty)

        // Delivered to 哈尔滨 by one item, the dragon-boat shop has no warning for it.
        let covered = try Self.site()
        try covered.write(Self.catalog, try covered.read(Self.catalog).replacingOccurrences(of: "dragon-boat,北京,,八只装",
                                                                                          with: "dragon-boat,北京|哈尔滨|广州,,八只装"))
        let warnings = Self.cityWarnings(try covered.build(today: "2026-06-10").warnings)
        #expect(!warnings.contains { $0.message.contains("`dragon-boat`") })
        #expect(warnings.count == 2)
    }

    @Test func aThemeWithNoShopItemsHasNoCityWarning() throws {
        let site = try Self.site()
        // At 0.01 yuan every dragon-boat item is above the budget: the shop is empty everywhere.
        try site.write("content/themes/dragon-boat.md", try site.read("content/themes/dragon-boat.md")
            .replacingOccurrences(of: "budget: 200", with: "budget: 0.01"))
        let warnings = Self.cityWarnings(try site.build(today: "2026-06-10").warnings)
        #expect(!warnings.contains { $0.message.contains("`dragon-boat`") })
        #expect(warnings.map(\.message).sorted() == ["no item of theme `birthday` is delivered to 哈尔滨 (2 members)",
                                                     "no item of theme `womens-day` is delivered to 哈尔滨 (1 member)"])
    }

    @Test func membersWithoutACityAreNamedAsSuch() throws {
        let site = try Self.site()
        try site.write(Self.roster, try site.read(Self.roster).replacingOccurrences(of: ",2015-03-01,北京,", with: ",2015-03-01,,"))
        let warning = try only(.warning, containing: "no item of theme `dragon-boat` is delivered to members without a city (1 member)",
                               in: try site.build(today: "2026-06-10").warnings)
        // `T001,李静,研发部,F,1990-06-12,,2015-03-01,` is 37 characters.
        #expect(warning.location == at(Self.roster, 2, 38))
        #expect(warning.hint?.contains("fill in their `city`") == true)
    }

    @Test func checkPrintsTheWarning() throws {
        let site = try Self.site()
        let checked = try CheckedSite.check(try SiteContent.load(site: site.site), today: Day("2026-06-10")!)
        #expect(Self.cityWarnings(checked.warnings).count == 4)
        let run = try CommandLineTests.lantern(["check", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("content/roster.csv:8:38: warning: no item of theme `dragon-boat` is delivered to 哈尔滨 (3 members)"))
        #expect(run.stderr.contains("hint: add 哈尔滨 to the `cities` of an item in the catalog"))
        #expect(run.stderr.components(separatedBy: "is delivered to 哈尔滨").count - 1 == 3)
    }
}
