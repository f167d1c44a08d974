import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Every bad theme file (`content/themes/<slug>.md`) is reported at its line and column in the
/// `.md` file: the front matter starts on line 2, the greeting after the closing `---`.
@Suite struct ThemeErrorTests {
    static let theme = "content/themes/dragon-boat.md"

    /// The minimal fixture's dragon-boat theme with `edit` applied to its text.
    static func writeTheme(_ site: TestSite, _ edit: (String) -> String) throws {
        try site.write(theme, edit(try site.read(theme)))
    }

    @Test func yamlSyntaxErrorIsReportedAtTheFileLine() throws {
        // Line 2 is `title: 端午安康: 好礼`: the second colon is column 12 (Chinese characters are one column each).
        let site = try TestSite("minimal", overlay: "invalid/theme-yaml-syntax")
        let errors = site.failure()
        let error = try only(.error, containing: "YAML syntax error", in: errors)
        #expect(error.location == at(Self.theme, 2, 12))
        #expect(error.message.contains("mapping values are not allowed"))
        #expect(errors.count == 1)
    }

    @Test func unknownKeysWarnWithTheClosestKnownKey() throws {
        let site = try TestSite("minimal", overlay: "invalid/theme-unknown-keys")
        let warnings = try site.build(today: "2026-06-10").warnings
        let budget = try only(.warning, containing: "unknown front-matter key `budegt`", in: warnings)
        #expect(budget.location == at(Self.theme, 7, 1))
        #expect(budget.hint?.contains("did you mean `budget`?") == true)
        let gender = try only(.warning, containing: "unknown audience key `gendr`", in: warnings)
        #expect(gender.location == at(Self.theme, 10, 3))
        #expect(gender.hint?.contains("did you mean `gender`?") == true)
    }

    @Test func misspeltTitleWarnsAtTheKeyAndTheTitleIsMissing() throws {
        let site = try TestSite("minimal")
        try Self.writeTheme(site) { $0.replacingOccurrences(of: "title: ", with: "titel: ") }
        let diagnostics = site.failure()
        let warning = try only(.warning, containing: "unknown front-matter key `titel`", in: diagnostics)
        #expect(warning.location == at(Self.theme, 2, 1))
        #expect(warning.hint?.contains("did you mean `title`?") == true)
        let error = try only(.error, containing: "missing required key `title`", in: diagnostics)
        #expect(error.location == at(Self.theme, 2, 1))
    }

    @Test func missingBudgetIsReportedAtTheFrontMatter() throws {
        let site = try TestSite("minimal", overlay: "invalid/theme-missing-budget")
        let errors = site.failure()
        let error = try only(.error, containing: "missing required key `budget`", in: errors)
        #expect(error.location == at(Self.theme, 2, 1))
        #expect(errors.count == 1)
    }

    @Test(arguments: ["\n", "\r\n"])
    func badBudgetIsReportedAtTheValue(lineBreak: String) throws {
        let site = try TestSite("minimal")
        try Self.writeTheme(site) {
            $0.replacingOccurrences(of: "budget: 200", with: "budget: 12.345").replacingOccurrences(of: "\n", with: lineBreak)
        }
        let errors = site.failure()
        let error = try only(.error, containing: "bad budget `12.345`", in: errors)
        #expect(error.location == at(Self.theme, 7, 9))
        #expect(error.hint?.contains("two decimals") == true)
        #expect(errors.count == 1)
    }

    @Test(arguments: ["0", "0.00"])
    func zeroBudgetWarnsAtTheValue(budget: String) throws {
        let site = try TestSite("minimal")
        try Self.writeTheme(site) { $0.replacingOccurrences(of: "budget: 200", with: "budget: \(budget)") }
        let result = try site.build(today: "2026-06-10")
        let warning = try only(.warning, containing: "budget is 0: members can choose nothing", in: result.warnings)
        #expect(warning.location == at(Self.theme, 7, 9))
        #expect(warning.hint == "give the yuan per member, e.g. `budget: 200`")
        // The other themes' budgets are not 0: one warning only.
        #expect(result.warnings.filter { $0.message.contains("budget is 0") }.count == 1)
        let run = try CommandLineTests.lantern(["check", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(run.stderr.contains("content/themes/dragon-boat.md:7:9: warning: budget is 0: members can choose nothing"))
    }

    @Test func nonZeroBudgetHasNoZeroBudgetWarning() throws {
        let site = try TestSite("minimal")
        try Self.writeTheme(site) { $0.replacingOccurrences(of: "budget: 200", with: "budget: 0.01") }
        #expect(!(try site.build(today: "2026-06-10")).warnings.contains { $0.message.contains("budget is 0") })
    }

    @Test func tagsMatchingNoCatalogItemWarnAtTheTagsKey() throws {
        let site = try TestSite("minimal", overlay: "invalid/theme-tags-match-nothing")
        let warnings = try site.build(today: "2026-06-10").warnings
        let warning = try only(.warning, containing: "match no catalog item", in: warnings)
        #expect(warning.location == at(Self.theme, 8, 1))
        #expect(warning.message.contains("dragon-boat"))
        #expect(warning.hint?.contains("dragon-boat") == true)
    }

    @Test func failedBuildLeavesTheOutputUntouched() throws {
        let site = try TestSite("minimal")
        let errors = try expectFailedBuildLeavesOutputUntouched(site) { try $0.apply(overlay: "invalid/theme-yaml-syntax") }
        #expect(errors.map(\.location) == [at(Self.theme, 2, 12)])
    }
}
