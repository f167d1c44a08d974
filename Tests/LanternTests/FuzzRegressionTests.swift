import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Inputs `make fuzz` found (Tests/Fixtures/fuzz/), each once a broken promise: every
/// diagnostic points at a line and column that exist in the file it names.
@Suite struct FuzzRegressionTests {
    static let folder = TestSite.fixtures.appending(path: "fuzz")

    /// The last position of `text` (one past its last character), lines counted at LF, CR LF and CR.
    static func end(of text: String) -> (line: Int, column: Int) {
        let lines = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, lines.last!.unicodeScalars.count + 1)
    }

    static func expectInside(_ error: Diagnostic, _ text: String) { expectInside(DiagnosticsError([error]), text) }

    static func expectInside(_ error: DiagnosticsError, _ text: String) {
        let end = end(of: text)
        #expect(!error.errors.isEmpty)
        for diagnostic in error.diagnostics {
            let location = try! #require(diagnostic.location)
            #expect((location.line, location.column) <= end, "\(diagnostic) is past the end \(end)")
            #expect(location.line >= 1 && location.column >= 1)
        }
    }

    /// libyaml reports a syntax error at the end of a file without a final line break on the
    /// line after the last.
    @Test(arguments: ["site-yaml-1.yaml", "site-yaml-2.yaml", "site-yaml-3.yaml"])
    func aYAMLSyntaxErrorAtTheEndPointsIntoTheFile(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appending(path: name))
        let file = try TextFile.decode(data, displayPath: "content/site.yaml")
        #expect(!file.text.hasSuffix("\n"))
        do {
            _ = try SiteConfigLoader.load(file)
            Issue.record("\(name) loaded")
        } catch {
            #expect(error.errors.first?.message.hasPrefix("YAML syntax error") == true)
            Self.expectInside(error, file.text)
        }
    }

    /// A greeting ending in `{` made the Mustache parser fail with "overflow"; a form feed made it
    /// count one line too many.
    @Test func aGreetingEndingInABraceOrHoldingAFormFeedIsPlacedRight() throws {
        let frontMatter = "---\ntitle: 端午安康\noccasion: dragon-boat\nyear: 2026\nbudget: 300\ntags: [dragon-boat]\n---\n"
        // The fuzzer's input: a first line (the member's value), then the greeting.
        let input = try Data(contentsOf: Self.folder.appending(path: "greeting-1.bin"))
        let greeting = String(decoding: input[(input.firstIndex(of: 0x0A)! + 1)...], as: UTF8.self)
        #expect(greeting.hasSuffix("{"))
        let loaded = try ThemeLoader.load(TextFile(displayPath: "content/themes/t.md", text: frontMatter + greeting),
                                          slug: Slug("t"), artExists: { _ in false })
        #expect(loaded.0.title == "端午安康")

        #expect(Self.compiled(loaded.0.greeting).template != nil)

        let broken = frontMatter + "\u{0C}b {{f"
        // The greeting is compiled by rendering, after the theme loads.
        let theme = try ThemeLoader.load(TextFile(displayPath: "content/themes/t.md", text: broken), slug: Slug("t"), artExists: { _ in false }).0
        let compiled = Self.compiled(theme.greeting)
        if compiled.template != nil {
            Issue.record("an unfinished tag loaded")
        } else {
            let error = DiagnosticsError(compiled.diagnostics)
            let location = try #require(error.errors.first?.location)
            #expect((location.line, location.column) == (8, 4))
            #expect(error.errors.first?.message.contains("ends inside a tag") == true)
        }
    }

    /// `year: #026` is a year with no value: an error at it, not a theme loaded without a day (a trap).
    @Test func aYearWithNoValueIsAnError() throws {
        let data = try Data(contentsOf: Self.folder.appending(path: "theme-empty-year.md"))
        let file = try TextFile.decode(data, displayPath: "content/themes/t.md")
        #expect(file.text.contains("year: #026\n"))
        do {
            _ = try ThemeLoader.load(file, slug: Slug("t"), artExists: { _ in false })
            Issue.record("a theme without a year loaded")
        } catch {
            let error = try #require(error.errors.first { $0.message == "missing required key `year`" })
            #expect(error.location == SourceLocation(file: "content/themes/t.md", line: 4, column: 6))
            Self.expectInside(error, file.text)
        }
    }

    /// A theme's greeting compiled as a build compiles it (`SiteTemplates`).
    static func compiled(_ greeting: MarkdownText) -> (template: Bool?, diagnostics: [Diagnostic]) {
        var d = Diagnostics()
        let template = Greeting.compile(greeting.text, file: greeting.file, firstLine: greeting.firstLine, into: &d)
        return (template == nil ? nil : true, d.all)
    }
}
