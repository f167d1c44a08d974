import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// One test per union-fund rule, on `Tests/Fixtures/minimal` and its policy
/// (`content/policy.yaml`: dragon-boat, womens-day for F ≤ ¥100, birthday ≤ ¥300, annual ≤ ¥1000).
@Suite struct PolicyTests {
    static func addItem(_ site: TestSite, _ row: String) throws {
        try site.write("content/catalog.csv", site.read("content/catalog.csv") + "\n" + row + "\n")
    }

    static func auditLine(_ site: TestSite, theme: String, sku: String) throws -> String? {
        let csv = try String(contentsOf: site.privateFolder.appending(path: "audit.csv"), encoding: .utf8)
        return csv.split(separator: "\r\n").first { $0.hasPrefix("\(theme),\(sku),") }.map(String.init)
    }

    /// Builds, then checks that `sku` is on no page of `theme` (or on no page at all, when
    /// `everywhere`) and is in the audit with `rule` for `theme`.
    static func expectHidden(_ site: TestSite, sku: String, theme: String = "dragon-boat", rule: String,
                             everywhere: Bool = true) throws {
        try site.build(today: "2026-06-10")
        for (path, data) in site.outputFiles() where path.hasSuffix(".html") && (everywhere || path.contains("/\(theme)/")) {
            #expect(!String(decoding: data, as: UTF8.self).contains("value=\"\(sku)\""), "\(sku) offered on \(path)")
        }
        let line = try #require(try auditLine(site, theme: theme, sku: sku))
        #expect(line.contains(",hidden,") && line.contains(rule), "\(line)")
    }

    @Test func forbiddenCategoryIsHidden() throws {
        let site = try TestSite("minimal")
        try Self.addItem(site, "P-1,超市卡,购物卡,100,超市,goods,,dragon-boat,*,,面值100元,10,true")
        try Self.expectHidden(site, sku: "P-1", rule: "forbidden category")
        #expect(!site.text("shop/dragon-boat/index.html").contains("超市卡"))
    }

    @Test func forbiddenWordInNameIsHidden() throws {
        let site = try TestSite("minimal")
        try Self.addItem(site, "P-2,端午现金红包,节令食品,88,某公司,goods,,dragon-boat,*,,红包,,true")
        try Self.expectHidden(site, sku: "P-2", rule: "forbidden word")
    }

    @Test func voucherKindNotAllowedForTheOccasionIsHidden() throws {
        let site = try TestSite("minimal")
        // A cake voucher tagged for 端午: the policy allows cake vouchers for birthdays only.
        try Self.addItem(site, "P-3,蛋糕券,蛋糕,80,蛋糕店,voucher,cake,dragon-boat|birthday,*,,蛋糕,,true")
        try Self.expectHidden(site, sku: "P-3", rule: "voucher kind `cake` not allowed", everywhere: false)
        // … and it is shown in the birthday shop.
        #expect(try Self.auditLine(site, theme: "birthday", sku: "P-3")?.contains(",shown,") == true)
        // A voucher that says nothing of what it buys is a general voucher: hidden everywhere.
        try Self.addItem(site, "P-4,通用兑换券,节令食品,50,某平台,voucher,,dragon-boat|birthday,*,,任意商品,,true")
        try Self.expectHidden(site, sku: "P-4", rule: "general voucher")
        try Self.expectHidden(site, sku: "P-4", theme: "birthday", rule: "general voucher")
    }

    @Test func priceAboveBudgetIsHiddenWithItsReason() throws {
        let site = try TestSite("minimal")
        try Self.expectHidden(site, sku: "Z-3", rule: "price above budget")
    }

    @Test func themeBudgetAboveTheCapIsAnErrorAtTheBudgetLine() throws {
        let site = try TestSite("minimal")
        try site.write("content/themes/womens-day.md", site.read("content/themes/womens-day.md")
            .replacingOccurrences(of: "budget: 100", with: "budget: 150"))
        let errors = site.failure(today: "2026-03-05").filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: "content/themes/womens-day.md", line: 7, column: 1))
        #expect(errors.first?.message.contains("cap ¥100.00") == true)
    }

    @Test func occasionNotAllowedIsAnErrorAtTheOccasionLine() throws {
        let site = try TestSite("minimal")
        try site.write("content/themes/mid-autumn.md", "---\ntitle: 中秋\noccasion: mid-autumn\nyear: 2026\nbudget: 100\ntags: [dragon-boat]\n---\n你好\n")
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: "content/themes/mid-autumn.md", line: 3, column: 1))
        #expect(errors.first?.message.contains("`mid-autumn` is not allowed") == true)
    }

    @Test func annualCapExceededNamesThemesTotalCountAndIds() throws {
        let site = try TestSite("minimal")
        // 端午 ¥200 + 三八 ¥100 + a custom-dated festival would not count; add a second 端午-like festival theme.
        try site.write("content/policy.yaml", site.read("content/policy.yaml").replacingOccurrences(of: "annual_cap: 1000", with: "annual_cap: 250"))
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        // Female members get 200 + 100 = 300 > 250; male members only 200.
        #expect(error.message.contains("dragon-boat, womens-day"))
        #expect(error.message.contains("¥300.00") && error.message.contains("¥250.00"))
        #expect(error.message.contains("2 members affected (T001, T003)"))
        // Reported at the later theme's budget line (端午 is after 三八).
        #expect(error.location == SourceLocation(file: "content/themes/dragon-boat.md", line: 7, column: 1))
    }

    @Test func womensDayIsForFemaleMembersEvenWhenTheThemeSaysNothing() throws {
        let site = try TestSite("minimal")
        try site.write("content/themes/womens-day.md", site.read("content/themes/womens-day.md")
            .replacingOccurrences(of: "audience:\n  gender: F\n", with: ""))
        try site.build(today: "2026-03-05")
        let fronts = site.outputFiles().keys.filter { $0.hasPrefix("m/") && $0.hasSuffix("/womens-day/index.html") }
        #expect(Set(fronts) == Set([site.token("T001"), site.token("T003")].map { "m/\($0)/womens-day/index.html" }))
    }

    @Test func strictTurnsHiddenItemsIntoErrors() throws {
        let site = try TestSite("minimal")
        try Self.addItem(site, "P-1,超市卡,购物卡,100,超市,goods,,dragon-boat,*,,面值100元,10,true")
        let content = try SiteContent.load(site: site.site)
        #expect(throws: Never.self) { try CheckedSite.check(content) }
        #expect(throws: DiagnosticsError.self) { try CheckedSite.check(content, strict: true) }
    }

    @Test func auditCountsEligibleMembersAndPlansTheMoney() throws {
        let site = try TestSite("minimal")
        let checked = try CheckedSite.check(SiteContent.load(site: site.site))
        let lines = Dictionary(uniqueKeysWithValues: checked.audit.themes.map { ($0.slug, $0) })
        // Active: T001 F, T002 M, T003 F, T004 M, T006 (no gender); T005 left.
        #expect(lines["dragon-boat"]?.eligibleMembers == 5 && lines["dragon-boat"]?.plannedTotal == Money(yuan: 1000))
        #expect(lines["womens-day"]?.eligibleMembers == 2 && lines["womens-day"]?.plannedTotal == Money(yuan: 200))
        #expect(lines["womens-day"]?.cap == Money(yuan: 100))
        // Members with a known birthday: T001–T004.
        #expect(lines["birthday"]?.eligibleMembers == 4)
        let html = try String(contentsOf: { try site.build(today: "2026-06-10"); return site.privateFolder.appending(path: "audit.html") }(), encoding: .utf8)
        #expect(html.contains("测试政策") && html.contains("¥1000.00"))
    }
}

/// The sample site's deliberately non-compliant items.
@Suite struct SampleComplianceTests {
    @Test func sampleChecksCleanAndHidesItsNonCompliantItems() throws {
        let site = try TestSite("sample")
        let checked = try CheckedSite.check(SiteContent.load(site: site.site))
        #expect(checked.warnings.allSatisfy { $0.severity == .warning })
        try site.build(today: "2026-06-10")
        let csv = try String(contentsOf: site.privateFolder.appending(path: "audit.csv"), encoding: .utf8)
        let expected = ["BAD-001": "forbidden category", "BAD-002": "forbidden word", "BAD-003": "forbidden category", "BAD-004": "forbidden word"]
        for (sku, rule) in expected {
            let lines = csv.split(separator: "\r\n").filter { $0.contains(",\(sku),") }
            #expect(lines.count == 3, "\(sku) has a line per theme")
            #expect(lines.allSatisfy { $0.contains(",hidden,") && $0.contains(rule) }, "\(sku)")
            for (path, data) in site.outputFiles() where path.hasSuffix(".html") {
                #expect(!String(decoding: data, as: UTF8.self).contains(sku), "\(sku) on \(path)")
            }
        }
    }
}

/// The policies shipped in `content/policies/` load and say what PRODUCT.md says.
@Suite struct ShippedPolicyTests {
    static func load(_ name: String) throws -> Policy {
        try PolicyLoader.load(TextFile.read(TestSite.repository.appending(path: "content/policies/\(name).yaml"),
                                            displayPath: name)).0
    }

    @Test func nationalDefaultHasNoCapsAndNoWomensDay() throws {
        let policy = try Self.load("national")
        #expect(policy.annualCap == nil && policy.rule(for: "dragon-boat")?.cap == nil)
        #expect(policy.rule(for: "womens-day")?.allowed == false)
        #expect(policy.rule(for: "birthday")?.vouchers == [.cake])
        for word in ["购物卡", "礼品卡", "储值卡", "充值卡", "代金券", "现金", "红包"] { #expect(policy.forbiddenWords.contains(word)) }
    }

    @Test func provincialExamplesCarryTheirCaps() throws {
        let guizhou = try Self.load("guizhou")
        #expect(guizhou.rule(for: "spring-festival")?.cap == Money(yuan: 500))
        #expect(guizhou.rule(for: "mid-autumn")?.cap == Money(yuan: 200))
        #expect(guizhou.rule(for: "birthday")?.cap == Money(yuan: 300))
        let heilongjiang = try Self.load("heilongjiang")
        #expect(heilongjiang.rule(for: "womens-day")?.cap == Money(yuan: 100))
        #expect(heilongjiang.rule(for: "womens-day")?.audience.gender == .female)
        #expect(!guizhou.source.isEmpty && !heilongjiang.source.isEmpty)
    }
}

/// Audience rules beyond gender: departments and roster tags.
@Suite struct AudienceTests {
    static func member(_ department: String, _ tags: Set<String>, _ gender: Member.Gender? = nil) -> Member {
        Member(id: MemberID("X"), name: "X", department: department, gender: gender, birthday: nil, hireDate: nil,
               city: "", email: "", phone: "", language: "zh-CN", status: .active, tags: tags, location: SourceLocation(file: "x"))
    }

    @Test func departmentsAndTagsSelectMembers() {
        let frontline = Audience(departments: ["生产一线"], tags: ["frontline", "overseas"])
        #expect(frontline.admits(Self.member("生产一线", ["frontline"])))
        #expect(!frontline.admits(Self.member("研发中心", ["frontline"])))
        #expect(!frontline.admits(Self.member("生产一线", [])))
        #expect(Audience(gender: .female).admits(Self.member("", [], .female)))
        #expect(!Audience(gender: .female).admits(Self.member("", [])))
    }

    @Test func aThemeForOneDepartmentGoesToItsMembersOnly() throws {
        let site = try TestSite("minimal")
        try site.write("content/themes/dragon-boat.md", site.read("content/themes/dragon-boat.md")
            .replacingOccurrences(of: "tags: [dragon-boat]", with: "audience:\n  departments: [研发部]\ntags: [dragon-boat]"))
        try site.build(today: "2026-06-10")
        let fronts = site.outputFiles().keys.filter { $0.hasPrefix("m/") && $0.hasSuffix("/dragon-boat/index.html") }
        #expect(Set(fronts) == ["m/\(site.token("T001"))/dragon-boat/index.html"])
    }
}
