import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Member pages rendered through stencils are byte for byte what Mustache renders page by page.
@Suite struct StencilTests {
    @Test(arguments: [("sample", "2026-06-10"), ("sample", "2026-03-05"), ("minimal", "2026-06-10"),
                      ("minimal", "2026-03-05"), ("escaping", "2026-06-10")])
    func stencilsRenderExactlyWhatMustacheRenders(fixture: String, today: String) throws {
        let site = try TestSite(fixture)
        try site.build(today: today)
        let plain = site.root.appending(path: "plain")
        var options = BuildOptions(site: site.site, output: plain, privateFolder: site.root.appending(path: "private-plain"),
                                   today: Day(today)!, environment: ["LANTERN_SECRET": TestSite.secret])
        options.stencils = false
        try Build(options).run()
        let fast = site.outputFiles(), slow = site.outputFiles(plain)
        #expect(fast.keys.sorted() == slow.keys.sorted())
        #expect(fast.keys.filter { $0.hasPrefix("m/") }.count > 2)
        for (path, bytes) in slow where fast[path] != bytes {
            Issue.record("\(path) differs between stencils and Mustache")
        }
    }

    @Test func escapesLikeMustache() {
        #expect(MustacheHTML.escape("<a href=\"x\">O'Neil & co</a>") == "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;")
        #expect(MustacheHTML.escape("李静") == "李静")
    }

    /// Text that joins the placeholder after it into one Character (U+0600 is a prepended
    /// mark) must not hide it: the stencil is split by scalars.
    @Test(arguments: ["\u{600}", "\u{E000}", "x\u{200D}", "é"])
    func aPlaceholderAfterAJoiningMarkIsStillFilled(before: String) throws {
        let template = try MustacheHTML.template("<p>\(before){{name}}|{{{raw}}}</p>{{#list}}[{{.}}]{{/list}}")
        let render: ([String: Any]) -> String = { template.render($0) }
        let cache = StencilCache()
        for (name, raw) in [("李静", "<b>1</b>"), ("O\"Neil & co", "<i>2</i>"), ("\"\u{301}", "3")] {
            let context: [String: Any] = ["name": name, "raw": raw, "list": ["a", "<"]]
            #expect(cache.render("t", context, render) == render(context))
        }
    }

    @Test func templatesThatTransformTextAreRenderedPageByPage() throws {
        #expect(StencilCache.allows(["{{#first(cards)}}x{{/first(cards)}}{{^empty(list)}}{{/empty(list)}}"]))
        #expect(!StencilCache.allows(["{{uppercased(member.name)}}"]))
        #expect(StencilCache.allows(["{{! a comment (with parentheses) }}"]))
        // The shipped templates allow stencils.
        let templates = SiteFiles.list(TestSite.repository.appending(path: "templates"), extension: "mustache")
        #expect(StencilCache.allows(try templates.map { try String(contentsOf: $0, encoding: .utf8) }))
    }

    @Test func aTemplateThatTransformsTheNameStillRendersRight() throws {
        let site = try TestSite("minimal")
        try site.write("templates/member.mustache", try site.read("templates/member.mustache")
            .replacingOccurrences(of: "<h1>{{t.member.hello}}</h1>", with: "<h1>{{reversed(member.name)}}，您好</h1>"))
        try site.build(today: "2026-06-10")
        #expect(site.text("m/\(site.token("T001"))/index.html").contains("<h1>静李，您好</h1>"))
    }
}
