import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Every template Lantern parses escapes `{{x}}` byte by byte, and the pragma that selects that
/// escaping renders as nothing.
@Suite struct MustacheHTMLTests {
    static func render(_ template: String, _ context: [String: Any]) throws -> String {
        try MustacheHTML.template(template).render(context)
    }

    /// A quote, `<`, `&` or `'` that shares its Character with a neighbour: a combining acute
    /// after it, a zero-width joiner or a variation selector after it, an Arabic number sign
    /// (a prepended mark) before it.
    static let hidden: [(value: String, escaped: String)] = [
        ("x\"\u{301} autofocus onfocus=alert(1) x=\"\u{301}", "x&quot;\u{301} autofocus onfocus=alert(1) x=&quot;\u{301}"),
        ("<\u{301}script>", "&lt;\u{301}script&gt;"),
        ("&\u{301}amp;", "&amp;\u{301}amp;"),
        ("'\u{301} onclick='x", "&#39;\u{301} onclick=&#39;x"),
        ("\"\u{200D}", "&quot;\u{200D}"),
        ("\"\u{FE0F}", "&quot;\u{FE0F}"),
        ("\u{600}\" x", "\u{600}&quot; x"),
    ]

    @Test(arguments: hidden)
    func everySpecialByteIsEscapedWhateverItsNeighbours(value: String, escaped: String) throws {
        #expect(Array(MustacheHTML.escape(value).utf8) == Array(escaped.utf8))
        let html = try Self.render("<a title=\"{{v}}\">{{v}}</a>", ["v": value])
        #expect(Array(html.utf8) == Array("<a title=\"\(escaped)\">\(escaped)</a>".utf8))
    }

    @Test(arguments: hidden.map(\.value) + ["<a href=\"x\">O'Neil & co</a>", "李静"])
    func stencilsEscapeTheSame(value: String) throws {
        let template = try MustacheHTML.template("<a title=\"{{v}}\">{{v}}</a>")
        let render: ([String: Any]) -> String = { template.render($0) }
        let cache = StencilCache()
        _ = cache.render("a", ["v": "first of this shape"], render)
        #expect(Array(cache.render("a", ["v": value], render).utf8) == Array(render(["v": value]).utf8))
    }

    @Test func escapesWithMustachesTable() throws {
        #expect(MustacheHTML.escape("<a href=\"x\">O'Neil & co</a>") == "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;")
        #expect(MustacheHTML.escape("李静 ❤️ e\u{301}") == "李静 ❤️ e\u{301}")
        #expect(try Self.render("{{{v}}}{{&v}}", ["v": "<\u{301}"]) == "<\u{301}<\u{301}")
    }

    /// The pragma is a standalone tag on a line of its own: the template's first line renders as
    /// if nothing stood before it (a standalone tag there still takes its line break with it).
    @Test(arguments: [
        ("{{#on}}\nyes\n{{/on}}\n", "yes\n"),
        ("{{! comment }}\n<p>{{v}}</p>\n", "<p>&lt;v&gt;</p>\n"),
        ("  {{^off}}\n  indented\n  {{/off}}\n", "  indented\n"),
        ("\n<p>{{v}}</p>", "\n<p>&lt;v&gt;</p>"),
        ("   \n", "   \n"),
        ("\r\n{{#on}}\r\nx\r\n{{/on}}\r\n", "\r\nx\r\n"),
        ("\u{301}{{v}}", "\u{301}&lt;v&gt;"),
        ("", ""),
    ])
    func thePragmaRendersAsNothing(template: String, expected: String) throws {
        let html = try Self.render(template, ["on": true, "off": false, "v": "<v>"])
        #expect(Array(html.utf8) == Array(expected.utf8))
    }
}
