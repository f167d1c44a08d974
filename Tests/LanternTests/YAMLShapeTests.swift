import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// A value of the wrong kind in any YAML input (theme, letter, menu package, site.yaml, policy)
/// is an error at the value's own line and column, whether or not the loader reads that key;
/// a repeated key is an error at the repeat. Sites are `Tests/Fixtures/minimal` with one file edited.
@Suite struct YAMLShapeTests {
    /// One bad file: `file` after `edit`, and the one error expected.
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var find: String
        var replace: String
        var message: String
        var line: Int
        var column: Int
        var testDescription: String { "\(file): \(replace.replacingOccurrences(of: "\n", with: "⏎"))" }

        init(_ file: String, _ find: String, _ replace: String, _ message: String, _ line: Int, _ column: Int) {
            (self.file, self.find, self.replace, self.message, self.line, self.column) = (file, find, replace, message, line, column)
        }
    }

    static let theme = "content/themes/dragon-boat.md"
    static let birthday = "content/themes/birthday.md"
    static let letter = "content/letters/get-well.md"
    static let menu = "content/menu/checkup.md"
    static let site = "content/site.yaml"
    static let policy = "content/policy.yaml"

    static let wrongShapes: [Case] = [
        // The issue's three: read after the errors were collected, so dropped with exit 0.
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\ncategories: [[节令食品]]", "`categories` must be a list of plain values", 10, 14),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\ncategories: {food: 节令食品}", "`categories` must be a list", 10, 13),
        Case(theme, "summary: 端午好礼", "summary: [a, b]", "`summary` must be a single value", 9, 10),
        Case(theme, "summary: 端午好礼", "summary: {a: b}", "`summary` must be a single value", 9, 10),
        Case(theme, "title: 端午安康", "title: [端午, 安康]", "`title` must be a single value", 2, 8),
        Case(theme, "tags: [dragon-boat]", "tags: {a: dragon-boat}", "`tags` must be a list", 8, 7),
        Case(theme, "budget: 200", "budget: [200]", "`budget` must be a single value", 7, 9),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\naudience: [F]", "`audience` must be a group", 10, 11),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\naudience:\n  gender: [F]", "`gender` must be a single value", 11, 11),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\naudience:\n  departments: [[研发部]]", "`departments` must be a list of plain values", 11, 17),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\npalette: red", "`palette` must be a group", 10, 10),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\npalette:\n  ink: [\"#000\"]", "`ink` must be a single value", 11, 8),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\nart: {file: x.svg}", "`art` must be a single value", 10, 6),
        // Keys this theme's loader never reads: `year` of a birthday theme.
        Case(birthday, "occasion: birthday", "occasion: birthday\nyear: [2026]", "`year` must be a single value", 4, 7),
        Case(letter, "title: 早日康复", "title: [早日, 康复]", "`title` must be a single value", 2, 8),
        Case(letter, "to: [T002]", "to: {T002: 1}", "`to` must be a list", 3, 5),
        Case(letter, "to: [T002]", "to: [[T002]]", "`to` must be a list of plain values", 3, 6),
        Case(menu, "summary: 加项体检", "summary: [加项, 体检]", "`summary` must be a single value", 3, 10),
        Case(menu, "price: 300", "price: {yuan: 300}", "`price` must be a single value", 4, 8),
        Case(menu, "order: 1", "order: [1]", "`order` must be a single value", 6, 8),
        Case(site, "language: zh-CN", "language: [zh-CN]", "`language` must be a single value", 3, 11),
        Case(site, "language: zh-CN", "language: zh-CN\npolicy: [policy.yaml]", "`policy` must be a single value", 4, 9),
        Case(site, "language: zh-CN", "language: zh-CN\nprint_sheets: [all]", "`print_sheets` must be a single value", 4, 15),
        Case(site, "language: zh-CN", "language: zh-CN\nbase_url: {a: b}", "`base_url` must be a single value", 4, 11),
        Case(site, "  email: welfare@example.com", "  email: [welfare@example.com]", "`email` must be a single value", 6, 10),
        Case(site, "language: zh-CN", "language: zh-CN\nprivacy:\n  encrypt: [true]", "`encrypt` must be a single value", 5, 12),
        Case(site, "language: zh-CN", "language: zh-CN\nprivacy: true", "`privacy` must be a group", 4, 10),
        Case(site, "order:\n", "order: https://x.example.com\nx:\n", "`order` must be a group", 4, 8),
        Case(policy, "source: 测试用", "source: [测试用]", "`source` must be a single value", 2, 9),
        Case(policy, "annual_cap: 1000", "annual_cap: {yuan: 1000}", "`annual_cap` must be a single value", 3, 13),
        Case(policy, "  custom:      { allowed: true }", "  custom:      true", "`custom` must be a group", 8, 16),
        Case(policy, "  custom:      { allowed: true }", "  custom:      { allowed: [true] }", "`allowed` must be a single value", 8, 27),
        Case(policy, "forbidden_words: [购物卡, 现金, 红包]", "forbidden_words: {a: 现金}", "`forbidden_words` must be a list", 10, 18),
        Case(policy, "forbidden_words: [购物卡, 现金, 红包]", "forbidden_words: [购物卡, [现金]]", "`forbidden_words` must be a list of plain values", 10, 24),
    ]

    /// The diagnostics of loading the site (the first build stage), empty when it loads.
    static func loadDiagnostics(_ site: TestSite) -> [Diagnostic] {
        do { _ = try SiteContent.load(site: site.site); return [] } catch { return error.diagnostics }
    }

    static func edited(_ c: Case) throws -> TestSite {
        let site = try TestSite("minimal")
        let text = try site.read(c.file)
        try #require(text.contains(c.find), "\(c.file) has no `\(c.find)`")
        try site.write(c.file, text.replacingOccurrences(of: c.find, with: c.replace))
        return site
    }

    @Test(arguments: wrongShapes)
    func aValueOfTheWrongShapeIsAnErrorAtItsPosition(_ c: Case) throws {
        let site = try Self.edited(c)
        let errors = Self.loadDiagnostics(site).filter { $0.severity == .error }
        let error = try only(.error, containing: c.message, in: errors)
        #expect(error.location == at(c.file, c.line, c.column))
        #expect(error.hint != nil)
        #expect(errors.count == 1, "\(DiagnosticsError(errors))")
    }

    @Test func theIssuesExamplesFailTheBuild() throws {
        for c in Self.wrongShapes.prefix(3) {
            let site = try Self.edited(c)
            let errors = site.failure().filter { $0.severity == .error }
            #expect(errors.map(\.location) == [at(c.file, c.line, c.column)], "\(c.testDescription)")
        }
    }

    static let repeats: [Case] = [
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\nbudget: 300", "duplicate key `budget`", 10, 1),
        // The first occurrence quoted: it is renamed inside its quotes.
        Case(theme, "summary: 端午好礼", "\"summary\": 端午好礼\nsummary: 又一个", "duplicate key `summary`", 10, 1),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\npalette: {ink: \"#000\", ink: \"#111\"}", "duplicate key `ink`", 10, 24),
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\naudience:\n  gender: F\n  gender: M", "duplicate key `gender`", 12, 3),
        Case(letter, "to: [T002]", "to: [T002]\nto: [T001]", "duplicate key `to`", 4, 1),
        Case(menu, "order: 1", "order: 1\nprice: 200", "duplicate key `price`", 7, 1),
        Case(site, "language: zh-CN", "language: zh-CN\nname: 另一个", "duplicate key `name`", 4, 1),
        Case(site, "  email: welfare@example.com", "  email: welfare@example.com\n  endpoint: https://b.example.com/", "duplicate key `endpoint`", 7, 3),
        Case(policy, "  custom:      { allowed: true }", "  custom:      { allowed: true }\n  dragon-boat: { allowed: false }", "duplicate key `dragon-boat`", 9, 3),
        Case(policy, "  custom:      { allowed: true }", "  custom:      { allowed: true, cap: 1, \"cap\": 2 }", "duplicate key `cap`", 8, 41),
        // Equal as text but not as YAML (an integer and a string): loaders look keys up by text.
        Case(theme, "summary: 端午好礼", "summary: 端午好礼\n2026: a\n\"2026\": b", "duplicate key `2026`", 11, 1),
    ]

    @Test(arguments: repeats)
    func aRepeatedKeyIsAnErrorAtTheRepeat(_ c: Case) throws {
        let site = try Self.edited(c)
        let errors = Self.loadDiagnostics(site).filter { $0.severity == .error }
        let error = try only(.error, containing: c.message, in: errors)
        #expect(error.location == at(c.file, c.line, c.column))
        #expect(errors.count == 1, "\(DiagnosticsError(errors))")
    }

    @Test func everyRepeatIsReportedAtItsOwnLine() throws {
        let site = try TestSite("minimal")
        try site.write(Self.theme, try site.read(Self.theme).replacingOccurrences(
            of: "summary: 端午好礼", with: "summary: 端午好礼\nbudget: 300\ntitle: 又一个\nbudget: 400"))
        let errors = Self.loadDiagnostics(site)
        #expect(errors.map(\.message) == ["duplicate key `budget`", "duplicate key `title`", "duplicate key `budget`"])
        #expect(errors.map(\.location) == [at(Self.theme, 10, 1), at(Self.theme, 11, 1), at(Self.theme, 12, 1)])
        #expect(errors.first?.hint?.contains("line 7") == true)
    }

    @Test func aKnownKeyTheLoaderDoesNotUseIsAWarningAtIt() throws {
        let site = try TestSite("minimal")
        try site.write(Self.birthday, try site.read(Self.birthday)
            .replacingOccurrences(of: "occasion: birthday", with: "occasion: birthday\nyear: 2026"))
        let warnings = try CheckedSite.check(SiteContent.load(site: site.site)).warnings
        let warning = try only(.warning, containing: "`year` has no effect here", in: warnings)
        #expect(warning.location == at(Self.birthday, 4, 1))
    }

    /// A bad value in one file does not hide the bad values of another, nor a second one in the same file.
    @Test func everyBadValueIsReportedInOnePass() throws {
        let site = try TestSite("minimal")
        try site.write(Self.theme, try site.read(Self.theme)
            .replacingOccurrences(of: "summary: 端午好礼", with: "summary: [a]\ncategories: {x: y}"))
        try site.write(Self.site, try site.read(Self.site).replacingOccurrences(of: "language: zh-CN", with: "language: [zh]"))
        let errors = Self.loadDiagnostics(site)
        #expect(Set(errors.map(\.location)) == [at(Self.theme, 9, 10), at(Self.theme, 10, 13), at(Self.site, 3, 11)])
        #expect(errors.count == 3)
    }

    @Test func repeatsOfAnAliasedNodeDoNotHang() throws {
        // Each level refers to the one before ten times: walked by position, not expanded (10^8 nodes).
        var yaml = "name: 测试福利站\nunion: 测试公司工会\nx0: &a0 [1, 2]\n"
        for level in 1...8 { yaml += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "name: again\n"
        let start = Date()
        let errors: [Diagnostic]
        do { _ = try SiteConfigLoader.load(TextFile(displayPath: "site.yaml", text: yaml)); errors = [] } catch { errors = error.diagnostics }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(errors.map(\.location) == [at("site.yaml", 12, 1)])
    }
}
