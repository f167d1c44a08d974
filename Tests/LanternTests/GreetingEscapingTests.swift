import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// No Markdown construct can turn a greeting's or a letter's text into a tag or an unescaped
/// variable: libcmark once turned `&#123;{{name}}}` into `{{{name}}}` after the tags were
/// checked, and a roster name went out raw. Built end to end with a hostile roster name that
/// tries both a new element and leaving an attribute.
@Suite struct GreetingEscapingTests {
    static let theme = "content/themes/dragon-boat.md"
    static let hostile = "\"'><img src=x onerror=alert(1)>"
    static let escaped = "&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;"

    /// The minimal site with T001 and T002 named `hostile` and the dragon-boat greeting (line 12
    /// of its file) replaced by `greeting`.
    static func site(greeting: String) throws -> TestSite {
        let site = try TestSite("minimal")
        let quoted = "\"" + hostile.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try site.write("content/roster.csv", try site.read("content/roster.csv")
            .replacingOccurrences(of: ",李静,", with: ",\(quoted),").replacingOccurrences(of: ",王强,", with: ",\(quoted),"))
        let text = try site.read(theme)
        let body = try #require(text.range(of: "亲爱的 {{name}}"))
        try site.write(theme, String(text[..<body.lowerBound]) + greeting + "\n")
        return site
    }

    /// No element the page's own templates do not write, and no event-handler attribute.
    static func expectNothingInjected(_ html: String, _ page: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!html.isEmpty, "\(page) was not built", sourceLocation: sourceLocation)
        #expect(!html.contains(hostile) && !html.contains("<img src=x"), "\(page) has the raw name", sourceLocation: sourceLocation)
        for element in HTML.elements(html) {
            #expect(!element.attributes.contains { $0.name.hasPrefix("on") || $0.name == "'" }, "\(page): <\(element.tag)> has \(element.attributes.map(\.name))",
                    sourceLocation: sourceLocation)
            #expect(!(element.tag == "img" && element.value("src") == "x"), "\(page) has an injected image", sourceLocation: sourceLocation)
        }
    }

    /// Each greeting builds, and the storefront holds the escaped name exactly `count` times in
    /// its greeting (once more in its heading); stencils and Mustache write the same bytes.
    @Test(arguments: [
        ("&#123;{{name}}}", 1, "<p>&#123;"),                      // decimal entity before a tag
        ("&lbrace;{{name}}&rbrace;", 1, "<p>&#123;"),             // named entities
        ("&#x7B;{{name}}&#x7D;", 1, "<p>&#123;"),                 // hexadecimal entities
        ("&#123;&#123;&#123;name&#125;&#125;&#125;", 0, "&#123;&#123;&#123;name&#125;&#125;&#125;"),
        ("{\\{{name}}}", 1, "<p>&#123;\\"),                       // a backslash is no escape for `{`
        ("\\{\\{\\{name\\}\\}\\}", 0, "&#123;&#123;&#123;name&#125;&#125;&#125;"),
        ("`&#123;{{name}}}`", 1, "<code>&amp;#123;"),             // code span: entities stay text
        ("`{{name}}`", 1, "<code>\(escaped)</code>"),
        ("[链接](https://example.com/ \"{{name}}\")", 1, "title=\"\(escaped)\""),
        ("[链接][r]\n\n[r]: https://example.com/ \"&#123;{{name}}}\"", 1, "title=\"&#123;\(escaped)&#125;\""),
        ("![{{name}}](https://example.com/a.png)", 1, "alt=\"\(escaped)\""),
        ("x <b>{{name}}</b> <span title=\"&#123;\">y</span>", 1, "<!-- raw HTML omitted -->\(escaped)"),
        ("**{{name}}** _{{name}}_ *&#123;*{{name}}*}*", 3, "<strong>\(escaped)</strong>"),
        ("{{#department}}\n\n&#123;{{name}}}\n\n{{/department}}", 1, "<p>&#123;\(escaped)&#125;</p>"),
    ])
    func markdownCannotUnescapeAVariable(greeting: String, count: Int, fragment: String) throws {
        let site = try Self.site(greeting: greeting), plain = try Self.site(greeting: greeting)
        try site.build(today: "2026-06-10")
        try plain.build(today: "2026-06-10", stencils: false)
        let member = "m/\(site.token("T001"))"
        for page in ["\(member)/index.html", "\(member)/dragon-boat/index.html"] {
            Self.expectNothingInjected(site.text(page), page)
            #expect(Array(site.text(page).utf8) == Array(plain.text(page).utf8), "\(page) differs between stencils and Mustache")
        }
        let storefront = site.text("\(member)/dragon-boat/index.html")
        // The name in the title and the greeting line, then in the card.
        #expect(storefront.components(separatedBy: Self.escaped).count - 1 == 2 + count)
        #expect(storefront.contains(fragment), "no \(fragment) in \(storefront)")
    }

    /// Where Markdown would drop, repeat or move a tag, or put it into a URL or other markup,
    /// the build fails at the tag in the theme file.
    @Test(arguments: [
        ("[链接](https://example.com/{{name}})", 26, "inside a link or image address"),
        ("![图](https://example.com/{{name}}.png)", 26, "inside a link or image address"),
        ("[链接][r]\n\n[r]: https://example.com/{{name}}", 26, "inside a link or image address"),
        ("<https://example.com/{{name}}>", 22, "Markdown repeats the tag `{{name}}`"),
        ("<div title=\"{{name}}\">", 13, "Markdown leaves out the tag `{{name}}`"),
        ("x <b title=\"{{name}}\">y</b>", 13, "Markdown leaves out the tag `{{name}}`"),
        ("```{{name}}\ncode\n```", 4, "inside the `class` attribute"),
        ("**a {{#department}}b** c{{/department}}", 5, "opens in one HTML element and closes in another"),
        ("{{#department}}[链接][r]{{/department}}\n\n[r]: /u \"{{name}}\"", 10, "Markdown moves the tag `{{name}}`"),
        ("{{#department}}\n- a\n{{/department}}", 1, "opens in one HTML element and closes in another"),
    ])
    func aTagMarkdownWouldMangleIsAnErrorAtTheTag(greeting: String, column: Int, message: String) throws {
        let site = try Self.site(greeting: greeting)
        let errors = site.failure()
        let error = try only(.error, containing: message, in: errors)
        #expect(error.location == at(Self.theme, greeting.contains("[r]:") ? 14 : 12, column))
        #expect(errors.filter { $0.severity == .error }.count == 1)
    }

    /// Letters are compiled the same way.
    @Test func aLetterCannotUnescapeAVariable() throws {
        let site = try Self.site(greeting: "亲爱的 {{name}}")
        try site.write("content/letters/get-well.md", "---\ntitle: 早日康复\nto: [T002]\n---\n\n&#123;{{name}}} {\\{{name}}} `{{name}}`\n")
        try site.build(today: "2026-06-10")
        let page = "m/\(site.token("T002"))/index.html"
        let html = site.text(page)
        Self.expectNothingInjected(html, page)
        #expect(html.contains("<p>&#123;\(Self.escaped)&#125; &#123;\\\(Self.escaped)&#125; <code>\(Self.escaped)</code></p>"))
    }

    /// The function a fuzz target calls: Markdown source and values in, HTML or diagnostics out.
    @Test(arguments: ["&#123;{{name}}}", "&#x7b;{{{name}}}", "{{name}}&#125;&#125;", "[{{name}}](/u \"{{name}}\")",
                      "{{#name}}{{name}}{{/name}}", "{{^city}}{{name}}{{/city}}", "a\n{{! note }}\nb {{name}}"])
    func renderEscapesEveryValueOnce(markdown: String) throws {
        for value in [Self.hostile, "{{{name}}}", "&amp;<", "\"\u{301}"] {
            switch Greeting.render(markdown, values: ["name": value]) {
            case .success(let html):
                #expect(!html.contains(value) || MustacheHTML.escape(value) == value)
                #expect(html.contains(MustacheHTML.escape(value)))
            case .failure(let error):
                // Only `{{{name}}}` is refused, at its tag.
                #expect(markdown.contains("{{{"), "\(error)")
                #expect(error.diagnostics.map(\.location) == [at("greeting.md", 1, 7)])
            }
        }
    }
}
