import Foundation
import Testing
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel

/// Members read their pages in their roster `language` (issue 12): interface strings from
/// `templates/locales/<language>.yaml`, greetings from `<slug>.<language>.md`, formats per
/// locale; shared pages in the site's language. The minimal site's T001 (北京, F) reads
/// English here, T004 (北京, M) Chinese.
@Suite struct LanguageTests {
    func site(_ languages: [String: String] = ["T001": "en"]) throws -> TestSite {
        let site = try TestSite("minimal")
        let lines = try site.read("content/roster.csv").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if let language = languages[fields[0]] { fields[10] = language }
            return fields.joined(separator: ",")
        }
        try site.write("content/roster.csv", lines.joined(separator: "\n"))
        return site
    }

    func home(_ site: TestSite, _ id: String) -> String { site.text("m/\(site.token(id))/index.html") }
    func storefront(_ site: TestSite, _ id: String) -> String { site.text("m/\(site.token(id))/dragon-boat/index.html") }

    @Test func anEnglishMembersPagesAreInEnglishAndOthersInChinese() throws {
        let site = try site()
        try site.build(today: "2026-06-10")
        for page in [home(site, "T001"), storefront(site, "T001")] {
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.contains("Skip to content"))
            #expect(!page.contains("跳到正文"))
        }
        for page in [home(site, "T004"), storefront(site, "T004"), site.text("index.html"), site.text("shop/dragon-boat/index.html")] {
            #expect(page.contains("<html lang=\"zh-CN\">"))
            #expect(page.contains("跳到正文"))
            #expect(!page.contains("Skip to content"))
        }
    }

    @Test func greetingsAndLettersHaveTheirTranslation() throws {
        let site = try site(["T001": "en", "T002": "en"])
        try site.write("content/themes/dragon-boat.en.md", "---\ntitle: Dragon Boat Festival\n---\n\nDear {{name}}, happy Dragon Boat Festival! {{budget}} on {{festival_date}}.\n")
        try site.write("content/letters/get-well.en.md", "---\ntitle: Get well soon\n---\n\nDear {{name}}, we hope you are well.\n")
        try site.build(today: "2026-06-10")
        let english = home(site, "T001")
        #expect(english.contains("Dear 李静, happy Dragon Boat Festival! CNY 200.00 on 19 June."))
        #expect(english.contains("Dragon Boat Festival"))
        #expect(!english.contains("端午安康"))
        let chinese = home(site, "T004")
        #expect(chinese.contains("亲爱的 陈刚：端午安康！"))
        #expect(chinese.contains("额度 ¥200.00"))
        // T002 has the get-well letter.
        let letter = home(site, "T002")
        #expect(letter.contains("Get well soon"))
        #expect(letter.contains("Dear 王强, we hope you are well."))
    }

    @Test func aMissingTranslationIsAWarningWithTheCount() throws {
        let site = try site(["T001": "en", "T003": "en"])
        let content = try SiteContent.load(site: site.site)
        let warnings = try CheckedSite.check(content).warnings.filter { $0.message.contains("no `en` version") }
        let dragon = try #require(warnings.first { $0.location?.file == "content/themes/dragon-boat.md" })
        #expect(dragon.message == "no `en` version: 2 members whose language is en will read it in zh-CN")
        #expect(dragon.hint == "write content/themes/dragon-boat.en.md with the greeting in en")
        // Women's day: both are women; birthday: everyone. The letter goes to T002 (Chinese).
        #expect(Set(warnings.compactMap { $0.location?.file }) == ["content/themes/dragon-boat.md", "content/themes/womens-day.md", "content/themes/birthday.md"])
        // The page still renders, in English around the Chinese greeting.
        try site.build(today: "2026-06-10")
        #expect(home(site, "T001").contains("Skip to content"))
        #expect(home(site, "T001").contains("亲爱的 李静：端午安康！"))
    }

    @Test func membersOfOneCityAndTwoLanguagesShareNoItemList() throws {
        let site = try site()
        try site.build(today: "2026-06-10")
        let src = { (page: String) in HTML.attributeValues(page, tag: "div", where: "data-choices-src", attribute: "data-choices-src").first }
        let english = try #require(src(storefront(site, "T001")))
        let chinese = try #require(src(storefront(site, "T004")))
        #expect(english != chinese)
        #expect(chinese == "../../../" + TestSite.itemList("dragon-boat", city: "北京"))
        let list = site.text(String(english.dropFirst("../../../".count)))
        #expect(list.contains("<html lang=\"en\">"))
        #expect(site.offeredSKUs("m/\(site.token("T001"))/dragon-boat/index.html") == site.offeredSKUs("m/\(site.token("T004"))/dragon-boat/index.html"))
    }

    @Test func aLanguageIsMatchedToTheNearestLocaleOrWarnedAbout() throws {
        let site = try site(["T001": "en-US", "T003": "fr"])
        let content = try SiteContent.load(site: site.site)
        #expect(content.roster.first { $0.id == MemberID("T001") }?.language == "en")
        #expect(content.roster.first { $0.id == MemberID("T003") }?.language == "zh-CN")
        let warning = try #require(content.warnings.first { $0.message.contains("`fr`") })
        #expect(warning.message == "language `fr` has no locale file: these members read zh-CN pages")
        #expect(warning.location == LanternModel.SourceLocation(file: "content/roster.csv", line: 4, column: 74))
        #expect(LanguageMatch.match("EN", in: ["zh-CN", "en"]) == "en")
        #expect(LanguageMatch.match("zh", in: ["zh-CN", "en"]) == "zh-CN")
        #expect(LanguageMatch.match("zh_cn", in: ["zh-CN", "en"]) == "zh-CN")
        #expect(LanguageMatch.match("de", in: ["zh-CN", "en"]) == nil)
    }

    @Test func aStringATemplateUsesMustBeInEveryLocale() throws {
        let site = try site()
        let portal = try site.read("templates/portal.mustache")
        try site.write("templates/portal.mustache", portal + "<p>{{t.portal.nothing_here}}</p>\n")
        let line = portal.split(separator: "\n", omittingEmptySubsequences: false).count
        let errors = site.failure().filter { $0.message.contains("portal.nothing_here") }
        #expect(errors.map(\.message).sorted() == ["`portal.nothing_here` is not in templates/locales/en.yaml",
                                                   "`portal.nothing_here` is not in templates/locales/zh-CN.yaml"])
        #expect(errors.allSatisfy { $0.location == LanternModel.SourceLocation(file: "templates/portal.mustache", line: line, column: 4) })
    }

    @Test func aLocaleLackingAKeyOfTheSiteLanguageIsAnError() throws {
        let site = try site()
        let english = try site.read("templates/locales/en.yaml")
        try site.write("templates/locales/en.yaml", english.replacingOccurrences(of: "  skip: Skip to content\n", with: ""))
        let errors = site.failure()
        #expect(errors.contains { $0.message == "`layout.skip` is in templates/locales/zh-CN.yaml but not in templates/locales/en.yaml"
                                  && $0.location?.file == "templates/locales/en.yaml" })
    }

    @Test func aStringHoldsOnlyPlainValues() throws {
        let site = try site()
        let english = try site.read("templates/locales/en.yaml")
        try site.write("templates/locales/en.yaml", english.replacingOccurrences(of: "  skip: Skip to content\n", with: "  skip: \"{{#member}}Skip{{/member}}\"\n"))
        let line = english.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  skip: Skip to content" }! + 1
        let error = try #require(site.failure().first { $0.message.contains("interface strings take only plain") })
        #expect(error.location == LanternModel.SourceLocation(file: "templates/locales/en.yaml", line: line, column: 9))
    }

    @Test func stringsAreEscapedAndTheirValuesToo() throws {
        let site = try site()
        let chinese = try site.read("templates/locales/zh-CN.yaml")
        try site.write("templates/locales/zh-CN.yaml", chinese.replacingOccurrences(of: "  skip: 跳到正文\n", with: "  skip: \"<b>跳</b> & {{site.name}}\"\n"))
        try site.write("content/site.yaml", try site.read("content/site.yaml").replacingOccurrences(of: "name: 测试福利站", with: "name: \"测试<i>站\""))
        try site.build(today: "2026-06-10")
        let portal = site.text("index.html")
        #expect(portal.contains("&lt;b&gt;跳&lt;/b&gt; &amp; 测试&lt;i&gt;站"))
        #expect(!portal.contains("<b>跳"))
    }

    @Test func aTranslationNeedsALocaleAndAPage() throws {
        let site = try site()
        try site.write("content/themes/dragon-boat.fr.md", "Bonjour {{name}}\n")
        try site.write("content/themes/moon.en.md", "Hello {{name}}\n")
        let errors = site.failure()
        #expect(errors.contains { $0.message == "`content/themes/dragon-boat.fr.md` is in `fr`, which has no locale file"
                                  && $0.location?.file == "content/themes/dragon-boat.fr.md" })
        #expect(errors.contains { $0.message == "`content/themes/moon.en.md` translates `moon.md`, which does not exist" })
    }

    @Test func encryptedPagesKeepTheMembersLanguageOutsideTheSealedPart() throws {
        let site = try site()
        try site.write("content/site.yaml", site.read("content/site.yaml") + "privacy:\n  encrypt: true\n")
        try site.build(today: "2026-06-10")
        let english = home(site, "T001")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("Skip to content"))
        #expect(!english.contains("李静"))
        #expect(home(site, "T004").contains("跳到正文"))
    }

    @Test func datesAndMoneyReadAsEachLanguageWritesThem() throws {
        var d = Diagnostics()
        var found: [String] = []
        let locales = LocaleLoader.read(TestSite.repository.appending(path: "templates/locales"), siteLanguage: "zh-CN", found: &found, into: &d)
        #expect(d.all.isEmpty)
        let byLanguage = Dictionary(uniqueKeysWithValues: locales.map { ($0.language, $0) })
        let day = Day(year: 2026, month: 6, day: 19)!
        let (zh, en) = (try #require(byLanguage["zh-CN"]), try #require(byLanguage["en"]))
        #expect(zh.date(day) == "2026年6月19日")
        #expect(zh.monthDay(day) == "6月19日")
        #expect(zh.money(Money(fen: 12_850)) == "¥128.50")
        #expect(en.date(day) == "19 June 2026")
        #expect(en.monthDay(day) == "19 June")
        #expect(en.money(Money(fen: 12_850)) == "CNY 128.50")
        #expect(Set(zh.strings.keys) == Set(en.strings.keys))
    }
}
