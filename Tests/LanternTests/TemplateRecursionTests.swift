import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Templates and greetings that would make swift-mustache recurse without end (a partial that
/// includes itself) or too deep (hundreds of nested sections, long chains of partials) are
/// errors at the tag, in `check` as in `build`, never a signal. Run with the real binary.
@Suite struct TemplateRecursionTests {
    static let card = "templates/partials/card.mustache"

    /// A broken site, where the one error is expected, at `file:line:column`.
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var files: [String: String]
        var file: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { label }
    }

    static func nested(_ sigil: String, _ name: String, _ n: Int) -> String {
        String(repeating: "{{\(sigil)\(name)}}", count: n) + "x" + String(repeating: "{{/\(name)}}", count: n)
    }

    /// The dragon-boat theme of the minimal fixture with its greeting (line 12) replaced.
    static func greeting(_ body: String) -> String {
        "---\ntitle: 端午安康\noccasion: dragon-boat\nyear: 2026\nopens: 14\ncloses: 7\nbudget: 200\ntags: [dragon-boat]\nsummary: 端午好礼\n---\n\n\(body)\n"
    }

    static let cardText = try! String(contentsOf: TestSite.repository.appending(path: card), encoding: .utf8)
    static let greetingLine = cardText.split(separator: "\n", omittingEmptySubsequences: false)
        .firstIndex { $0.contains("<div class=\"card-greeting\">") }! + 1

    static let cases: [Case] = [
        // The include goes right after `<div class="card-greeting">` (27 scalars): column 28 of its line.
        Case(label: "self-including partial",
             files: [card: cardText.replacingOccurrences(of: "<div class=\"card-greeting\">", with: "<div class=\"card-greeting\">{{> partials/card}}")],
             file: card, line: greetingLine, column: 28, message: "partial `partials/card` includes itself: partials/card → partials/card"),
        Case(label: "A → B → A",
             files: [card: cardText.replacingOccurrences(of: "<div class=\"card-greeting\">", with: "<div class=\"card-greeting\">{{> partials/a}}"),
                     "templates/partials/a.mustache": "<b>{{> partials/b}}</b>\n",
                     "templates/partials/b.mustache": "b\n{{#site}}{{> partials/a}}{{/site}}\n"],
             file: "templates/partials/b.mustache", line: 2, column: 10,
             message: "partial `partials/a` includes itself: partials/a → partials/b → partials/a"),
        // The 101st `{{#name}}` (9 scalars each) starts at column 901.
        Case(label: "700 sections in a greeting", files: ["content/themes/dragon-boat.md": greeting(nested("#", "name", 700))],
             file: "content/themes/dragon-boat.md", line: 12, column: 901, message: "sections nest more than 100 levels deep in a greeting"),
        Case(label: "5000 sections in a greeting", files: ["content/themes/dragon-boat.md": greeting("亲爱的\n" + nested("^", "city", 5000))],
             file: "content/themes/dragon-boat.md", line: 13, column: 901, message: "sections nest more than 100 levels deep in a greeting"),
        Case(label: "700 sections in a template", files: ["templates/shop.mustache": "{{! shop }}\n" + nested("#", "site", 700) + "\n"],
             file: "templates/shop.mustache", line: 2, column: 901, message: "sections nest more than 100 levels deep in a template"),
        Case(label: "5000 sections in a partial", files: [card: nested("^", "site", 5000) + "\n" + cardText],
             file: card, line: 1, column: 901, message: "sections nest more than 100 levels deep in a template"),
        // 120 partials in a chain, each one level: the first template past the limit is p18
        // (p18 → … → p119 is 101 levels).
        Case(label: "a chain of 120 partials",
             files: Dictionary(uniqueKeysWithValues: (0..<120).map { i in
                 ("templates/partials/p\(i).mustache", i < 119 ? "p\(i)\n{{> partials/p\(i + 1)}}\n" : "end\n")
             }).merging([card: "{{> partials/p0}}\n" + cardText]) { $1 },
             file: "templates/partials/p18.mustache", line: 2, column: 1,
             message: "templates nest more than 100 levels deep here"),
        // Other delimiters would hide the tags after them from every check, the nesting count included.
        Case(label: "set delimiters", files: [card: "<%! x %>{{=<% %>=}}<%> partials/card%>\n" + cardText],
             file: card, line: 1, column: 9, message: "set-delimiter tag in a template"),
    ]

    @Test(arguments: cases)
    func checkAndBuildExitOneWithTheLocation(_ broken: Case) throws {
        let site = try TestSite("minimal")
        for (path, text) in broken.files { try site.write(path, text) }
        let expected = "\(broken.file):\(broken.line):\(broken.column): error: \(broken.message)"
        for command in ["check", "build"] {
            let run = try CommandLineTests.lantern([command, "--site", site.site.path, "--today", "2026-06-10"])
            #expect(run.status == 1, "\(command) exited \(run.status)")
            #expect(run.stderr.contains(expected), "\(command): \(run.stderr.prefix(600))")
            #expect(run.stderr.components(separatedBy: ": error: ").count == 2, "\(command): \(run.stderr.prefix(600))")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// Near the limit still renders: 100 levels in a greeting and a letter, and 90 levels in a
    /// partial (the levels of the page and layout around it count toward the template limit).
    @Test func exactlyTheLimitBuilds() throws {
        let site = try TestSite("minimal")
        try site.write("content/themes/dragon-boat.md", Self.greeting("亲爱的 " + Self.nested("#", "name", 100)))
        try site.write("content/letters/get-well.md", "---\ntitle: 早日康复\nto: [T002]\n---\n\n" + Self.nested("#", "name", 100) + "\n")
        try site.write("templates/partials/deep.mustache", Self.nested("#", "site", 90) + "\n")
        try site.write(Self.card, "{{> partials/deep}}\n" + Self.cardText)
        try site.build(today: "2026-06-10")
        #expect(site.text("m/\(site.token("T001"))/dragon-boat/index.html").contains("<p>亲爱的 x</p>"))
        #expect(site.text("m/\(site.token("T002"))/index.html").contains("<p>x</p>"))
    }

    @Test func aLetterNestedTooDeepIsAnErrorAtTheTag() throws {
        let site = try TestSite("minimal")
        try site.write("content/letters/get-well.md", "---\ntitle: 早日康复\nto: [T002]\n---\n\n" + Self.nested("#", "name", 700) + "\n")
        let error = try only(.error, containing: "sections nest more than 100 levels deep in a greeting", in: site.failure())
        #expect(error.location == at("content/letters/get-well.md", 6, 901))
    }
}
