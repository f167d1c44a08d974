import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel

/// `lantern new site` and `lantern new theme`: the real logic into temporary folders, then the
/// same check and build `lantern check` and `lantern build` run.
@Suite struct NewCommandTests {
    /// A temporary folder holding a site made by `NewSite`; removed with the last reference.
    final class NewFolder {
        let root = FileManager.default.temporaryDirectory.appending(path: "lantern-new-\(UUID().uuidString)")
        var site: URL { root.appending(path: "site") }

        init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: root) }

        /// A new site as `lantern new site` writes it on `today`.
        static func site(today: Day = NewCommandTests.today) throws -> (NewFolder, NewSite.Result) {
            let folder = try NewFolder()
            return (folder, try NewSite.create(at: folder.site, today: today))
        }

        func read(_ relative: String) throws -> String { try String(contentsOf: site.appending(path: relative), encoding: .utf8) }

        /// `lantern check --strict` for `today`: an item hidden by the policy would be an error too.
        func check(today: Day) throws(DiagnosticsError) -> SiteCheck.Report {
            try SiteCheck.run(options(today), strict: true, today: today, wait: true, waiting: { _ in })
        }

        func build(today: Day) throws(DiagnosticsError) -> Build.Result {
            try Build(options(today)).run()
        }

        func options(_ today: Day) -> BuildOptions {
            BuildOptions(site: site, output: root.appending(path: "public"), privateFolder: root.appending(path: "private"),
                         today: today, environment: ["LANTERN_SECRET": TestSite.secret])
        }

        func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root.appending(path: relative).path) }
    }

    static let today = Day("2026-06-10")!

    /// A new site has no order channel yet (the union's form or mailbox is theirs to set): its
    /// one warning, at `content/site.yaml`, until they do. Any other warning is unexpected.
    static func unexpected(_ warnings: [Diagnostic]) -> [Diagnostic] {
        warnings.filter { !($0.message == SiteConfigLoader.noOrderChannel && $0.location?.file.hasSuffix("content/site.yaml") == true) }
    }

    @Test func aNewSiteSaysItHasNoOrderChannelUntilOneIsSet() throws {
        let (folder, _) = try NewFolder.site()
        #expect(try folder.check(today: Self.today).warnings.map(\.message) == [SiteConfigLoader.noOrderChannel])
        let yaml = try folder.read("content/site.yaml").replacingOccurrences(of: "# order:\n#   endpoint", with: "order:\n#   endpoint")
            .replacingOccurrences(of: "#   email: fuli@example.com", with: "  email: fuli@example.com")
        try Data(yaml.utf8).write(to: folder.site.appending(path: "content/site.yaml"))
        #expect(try folder.check(today: Self.today).warnings.isEmpty)
    }

    @Test func aNewSiteChecksCleanAndBuilds() throws {
        let (folder, result) = try NewFolder.site()
        // 端午 2026 (06-19) is the first festival the national policy allows on or after 06-10.
        #expect(result.theme.path == "content/themes/dragon-boat-2026.md")
        #expect(result.theme.policyName == "全国默认")
        let report = try folder.check(today: Self.today)
        #expect(Self.unexpected(report.warnings).isEmpty, "\(report.warnings)")
        #expect(report.themes == 1 && report.items == 12 && report.members == 4 && report.hidden == 0)
        let build = try folder.build(today: Self.today)
        #expect(Self.unexpected(build.warnings).isEmpty, "\(build.warnings)")
        // Three active members (one has left), each with a storefront for the open 端午 shop.
        #expect(build.members == 3)
        #expect(folder.exists("public/index.html") && folder.exists("public/shop/dragon-boat-2026/index.html"))
        #expect(build.picturesMade == 1)
        let links = try String(contentsOf: folder.root.appending(path: "private/links.csv"), encoding: .utf8)
        #expect(links.contains("M0001") && !links.contains("M0004"))
        // Nothing is left beside the folder by the staging.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path).filter { $0.contains("lantern-new") }.isEmpty)
    }

    @Test func aNewSiteUsesTheNationalPolicyAndTheSampleTemplates() throws {
        let (folder, _) = try NewFolder.site()
        #expect(try folder.read("content/site.yaml").contains("\npolicy: policies/national.yaml"))
        let repository = TestSite.repository
        for path in ["content/policies/national.yaml", "templates/layout.mustache", "templates/assets/lantern.css",
                     "templates/locales/zh-CN.yaml", "templates/assets/art/qingming.svg"] {
            #expect(try folder.read(path) == String(contentsOf: repository.appending(path: path), encoding: .utf8), "\(path)")
        }
        #expect(try folder.read("content/README.txt").contains("yyyy-mm-dd"))
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAlone() throws {
        let folder = try NewFolder()
        try FileManager.default.createDirectory(at: folder.site, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.site.appending(path: "notes.txt"))
        let error = #expect(throws: DiagnosticsError.self) { try NewSite.create(at: folder.site, today: Self.today) }
        #expect(error?.errors.first?.message.contains("is not empty (notes.txt)") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.site.path) == ["notes.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path) == ["site"])
        // A file where the folder would be is refused too; an empty folder is filled.
        let file = folder.root.appending(path: "file")
        try Data().write(to: file)
        #expect(throws: DiagnosticsError.self) { try NewSite.create(at: file, today: Self.today) }
        let empty = folder.root.appending(path: "empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let made = try NewSite.create(at: empty, today: Self.today)
        #expect(FileManager.default.fileExists(atPath: empty.appending(path: made.theme.path).path))
    }

    /// Every occasion of the calendar: those the new site's policy allows give a theme that loads,
    /// checks clean and builds, with the calendar's day; the others are refused, naming the
    /// policy file and what it allows.
    @Test(arguments: Occasion.allCases)
    func aThemeForEveryOccasion(_ occasion: Occasion) throws {
        let (folder, _) = try NewFolder.site()
        let policy = try Policy.load(site: folder.site)
        let name = "new-\(occasion.rawValue)"
        guard policy.rule(for: occasion.rawValue)?.allowed == true else {
            let error = #expect(throws: DiagnosticsError.self) {
                try NewTheme.create(site: folder.site, name: name, occasion: occasion.rawValue, today: Self.today)
            }
            let diagnostic = try #require(error?.errors.first)
            #expect(diagnostic.message.contains("content/policies/national.yaml") && diagnostic.message.contains("「全国默认」"))
            #expect(diagnostic.location?.file == "content/policies/national.yaml")
            #expect(diagnostic.hint?.contains("it allows: new-year, spring-festival, qingming, labour-day, dragon-boat, mid-autumn, national-day, birthday;") == true)
            #expect(!FileManager.default.fileExists(atPath: folder.site.appending(path: "content/themes/\(name).md").path))
            return
        }
        let result = try NewTheme.create(site: folder.site, name: name, occasion: occasion.rawValue, today: Self.today)
        #expect(result.path == "content/themes/\(name).md")
        let content = try SiteContent.load(site: folder.site)
        let theme = try #require(content.themes.first { $0.slug.rawValue == name })
        #expect(theme.occasion == occasion && theme.budget == Money(yuan: 200) && theme.tags == [occasion.rawValue])
        #expect(theme.tone == occasion.preset.tone && theme.palette == occasion.preset.palette)
        let day: Day
        if occasion == .birthday {
            #expect(result.day == nil)
            guard case .birthday = theme.schedule else { Issue.record("not a birthday theme: \(theme.schedule)"); return }
            day = Self.today
        } else {
            // The next one on or after the day: this year's, or next year's when it has passed.
            let year = try #require(result.day?.year)
            let expected = try #require(try occasion.day(in: year))
            #expect(result.day == expected && expected >= Self.today)
            guard case .fixed(let scheduled) = theme.schedule, scheduled == expected else { Issue.record("\(theme.schedule)"); return }
            #expect(try occasion.day(in: year - 1).map { $0 < Self.today } ?? false)
            day = expected
        }
        // Checked and built on its day, when its shop is open.
        let report = try folder.check(today: day)
        #expect(Self.unexpected(report.warnings).isEmpty, "\(report.warnings)")
        let checked = try CheckedSite.check(content, strict: true, today: day)
        #expect(!(checked.shopItems[theme.slug] ?? []).isEmpty)
        _ = try folder.build(today: day)
        #expect(folder.exists("public/shop/\(name)/index.html"))
    }

    @Test func aProvincialCapIsTheBudgetCeiling() throws {
        let (folder, _) = try NewFolder.site()
        let yaml = try folder.read("content/site.yaml").replacingOccurrences(of: "\npolicy: policies/national.yaml", with: "\npolicy: policies/heilongjiang.yaml")
        try Data(yaml.utf8).write(to: folder.site.appending(path: "content/site.yaml"))
        let result = try NewTheme.create(site: folder.site, name: "womens-day-2027", occasion: "womens-day", today: Self.today)
        #expect(result.budget == Money(yuan: 100) && result.day == Day("2027-03-08"))
        let text = try folder.read(result.path)
        #expect(text.contains("budget: 100") && text.contains("上限 100 元：政策「黑龙江省示例」（content/policies/heilongjiang.yaml）对 womens-day 的 cap"))
        #expect(text.contains("annual_cap"))
        let report = try folder.check(today: Day("2027-03-05")!)
        #expect(Self.unexpected(report.warnings).isEmpty, "\(report.warnings)")
        _ = try folder.build(today: Day("2027-03-05")!)
        // Only the female members get a storefront for 三八.
        let links = try String(contentsOf: folder.root.appending(path: "private/links.csv"), encoding: .utf8)
        #expect(links.contains("M0001") && links.contains("M0003") && !links.contains("M0002"))
    }

    @Test func anExistingThemeIsNeverOverwritten() throws {
        let (folder, made) = try NewFolder.site()
        let before = try folder.read(made.theme.path)
        let error = #expect(throws: DiagnosticsError.self) {
            try NewTheme.create(site: folder.site, name: "dragon-boat-2026", occasion: "dragon-boat", today: Self.today)
        }
        let d = error?.errors.first
        #expect(d?.message == "content/themes/dragon-boat-2026.md already exists; lantern new theme does not overwrite a theme")
        #expect(d?.location?.file == "content/themes/dragon-boat-2026.md")
        #expect(try folder.read(made.theme.path) == before)
    }

    @Test func anUnknownOccasionListsTheKnownOnes() throws {
        let (folder, _) = try NewFolder.site()
        let error = #expect(throws: DiagnosticsError.self) {
            try NewTheme.create(site: folder.site, name: "moon", occasion: "mid-autum", today: Self.today)
        }
        let d = try #require(error?.errors.first)
        let hint = try #require(d.hint)
        #expect(d.message == "unknown occasion `mid-autum`" && hint.hasPrefix("did you mean `mid-autumn`?"))
        #expect(hint.hasSuffix("known occasions: " + Occasion.allCases.map(\.rawValue).joined(separator: ", ")))
    }

    /// The names `lantern calendar` prints serve as keys: 中秋, 中秋节, 端午, 三八; a name two
    /// occasions share (节) is not guessed.
    @Test func anOccasionMayBeGivenByItsChineseName() throws {
        let (folder, _) = try NewFolder.site()
        for (given, key) in [("中秋", "mid-autumn"), ("中秋节", "mid-autumn"), ("端午", "dragon-boat"), ("国庆节", "national-day")] {
            let result = try NewTheme.create(site: folder.site, name: "t-\(key)-\(given.count)", occasion: given, today: Self.today)
            #expect(result.occasion.rawValue == key, "\(given)")
            #expect(try folder.read(result.path).contains("occasion: \(key)"))
        }
        #expect(NewTheme.occasion(named: "三八") == .womensDay && NewTheme.occasion(named: "节") == nil)
    }

    @Test func badNamesYearsAndABirthdayYearAreRefused() throws {
        let (folder, _) = try NewFolder.site()
        func refusal(_ name: String, _ occasion: String, year: Int? = nil) -> String {
            do {
                _ = try NewTheme.create(site: folder.site, name: name, occasion: occasion, year: year, today: Self.today)
                return ""
            } catch { return error.errors.map(\.message).joined(separator: "; ") }
        }
        #expect(refusal("Mid Autumn", "mid-autumn") == "theme name `Mid Autumn` cannot be a web address")
        #expect(refusal("moon-2200", "mid-autumn", year: 2200).contains("year 2200 is outside 1950–2100"))
        #expect(refusal("cake", "birthday", year: 2026) == "a birthday theme has no year (`--year 2026`)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.site.appending(path: "content/themes").path) == ["dragon-boat-2026.md"])
        // A given year is used as it is, even one whose festival has passed.
        let past = try NewTheme.create(site: folder.site, name: "moon-2025", occasion: "mid-autumn", year: 2025, today: Self.today)
        #expect(past.day == Day("2025-10-06"))
    }

    @Test func theDraftsSpeakInTheOccasionsTone() throws {
        let (folder, _) = try NewFolder.site()
        let qingming = try folder.read(NewTheme.create(site: folder.site, name: "qm", occasion: "qingming", today: Self.today).path)
        let body = try #require(qingming.components(separatedBy: "\n---\n").last)
        #expect(!body.contains("快乐") && !body.contains("！") && body.contains("缅怀"))
        #expect(qingming.contains("occasion: qingming") && qingming.contains("节气清明") && qingming.contains("素雅（sober）"))
        let moon = try folder.read(NewTheme.create(site: folder.site, name: "moon", occasion: "mid-autumn", today: Self.today).path)
        #expect(moon.contains("团圆") && moon.contains("农历八月十五；2026 年是 9月25日") && moon.contains("#   primary: \"#2e4a7d\""))
        #expect(moon.contains("opens: 14") && moon.contains("9月11日 开放选礼") && moon.contains("10月2日 关闭"))
        // 元旦 2027's window opens in 2026: the comment says the year.
        let newYear = try folder.read(NewTheme.create(site: folder.site, name: "ny", occasion: "new-year", today: Self.today).path)
        #expect(newYear.contains("2026年12月18日 开放选礼"))
    }

    /// The starter catalog and roster use every column their loaders know, each filled in some row.
    @Test func theStarterCatalogAndRosterFillEveryColumn() throws {
        let (folder, _) = try NewFolder.site()
        let content = try SiteContent.load(site: folder.site)
        for (file, columns) in [("content/catalog.csv", CatalogLoader.columns), ("content/roster.csv", RosterLoader.columns)] {
            let table = try CSVTable.parse(TextFile.read(folder.site.appending(path: file), displayPath: file, encodings: .spreadsheet))
            #expect(table.header.sorted() == columns.sorted(), "\(file)")
            for (index, column) in table.header.enumerated() {
                #expect(table.rows.contains { index < $0.fields.count && !$0.fields[index].isEmpty }, "\(file): \(column) is empty in every row")
            }
        }
        #expect(content.catalog.count == 12 && content.roster.count == 4)
        #expect(content.catalog.contains { $0.image != nil } && content.catalog.contains { !$0.active } && content.catalog.contains { $0.stock == 0 })
        #expect(content.catalog.contains { $0.kind == .service } && content.catalog.contains { $0.voucher == .cake } && content.catalog.contains { $0.cities != nil })
        #expect(content.catalog.first { $0.sku.rawValue == "DB-001" }?.price == Money(fen: 9950))
        #expect(content.roster.contains { $0.status == .left } && content.roster.contains { if case .lunar = $0.birthday { true } else { false } })
    }

    /// The copy in the binary is the sample site's: run scripts/embed-starter after changing it.
    @Test func theEmbeddedStarterMatchesTheSampleSite() throws {
        let repository = TestSite.repository
        var paths: [String] = []
        for folder in ["content/policies", "templates"] {
            for url in SiteFiles.all(repository.appending(path: folder)) {
                paths.append(String(url.path.dropFirst(repository.standardizedFileURL.path.count + 1)))
            }
        }
        #expect(StarterFiles.embedded.map(\.path).sorted() == paths.sorted(), "run scripts/embed-starter")
        for (path, text) in StarterFiles.embedded {
            #expect(text == (try? String(contentsOf: repository.appending(path: path), encoding: .utf8)), "\(path): run scripts/embed-starter")
        }
    }

    /// The binary: `new site`, then `check` and `build` as an admin types them, for today.
    @Test func theCommandLineMakesASiteThatChecksAndBuilds() throws {
        let folder = try NewFolder()
        let made = try CommandLineTests.lantern(["new", "site", "site"], in: folder.root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("created site:") && made.stdout.contains("lantern check --site site"))
        let check = try CommandLineTests.lantern(["check", "--site", "site"], in: folder.root)
        // Its one warning: where members send their choice is the union's to set.
        #expect(check.status == 0 && check.stderr.hasPrefix("content/site.yaml:1:1: warning: no order.endpoint"), "\(check.stderr)")
        #expect(check.stderr.components(separatedBy: "warning:").count == 2, "\(check.stderr)")
        let build = try CommandLineTests.lantern(["build", "--site", "site"], in: folder.root)
        #expect(build.status == 0, "\(build.stderr)")
        let again = try CommandLineTests.lantern(["new", "site", "site"], in: folder.root)
        #expect(again.status == 1 && again.stderr.contains("is not empty"))
        let refused = try CommandLineTests.lantern(["new", "theme", "women", "--occasion", "womens-day", "--site", "site"], in: folder.root)
        #expect(refused.status == 1 && refused.stderr.contains("content/policies/national.yaml:") && refused.stderr.contains("it allows: new-year"))
        // The bundled provincial example that allows it is named, with the line to write.
        #expect(refused.stderr.contains("choose content/policies/heilongjiang.yaml") && refused.stderr.contains("`policy: policies/heilongjiang.yaml`"),
                "\(refused.stderr)")
        let theme = try CommandLineTests.lantern(["new", "theme", "birthday", "--occasion", "birthday", "--site", "site"], in: folder.root)
        #expect(theme.status == 0 && theme.stdout.hasPrefix("created content/themes/birthday.md: 生日, budget 200 yuan"), "\(theme.stderr)")
        #expect(try CommandLineTests.lantern(["check", "--site", "site"], in: folder.root).status == 0)
    }
}
