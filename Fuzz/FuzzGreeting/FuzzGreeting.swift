import Foundation
@testable import FuzzSupport
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// The input's first line, with hostile markup forced in, is a member's name, department and
/// city; the rest is a theme's greeting (Markdown with Mustache variables). The greeting is
/// loaded as a theme and rendered for that member as a page renders it, with stencils and
/// without. The HTML must never hold the value raw: any Markdown construct that smuggles a
/// variable past escaping (an entity or backslash turning `{{x}}` into `{{{x}}}`, …) traps.
@_cdecl("FuzzGreeting_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzGreeting(data!, size) }
}

func fuzzGreeting(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzData(data, size)
    let split = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let line = String(decoding: bytes[..<split], as: UTF8.self)
    let markdown = String(decoding: bytes[split...].dropFirst(), as: UTF8.self)
    let value = Hostile.marker + line + Hostile.tail

    let path = "content/themes/fuzz.md"
    let file = TextFile(displayPath: path, text: Hostile.frontMatter + markdown)
    guard let (theme, warnings) = LoaderContract.check(path, file.text, bytes: Data(file.text.utf8), { () throws(DiagnosticsError) in
        try ThemeLoader.load(file, slug: Slug("fuzz"), artExists: { _ in false })
    }) else { return 0 }
    LoaderContract.check(warnings, path, file.text, bytes: Data(file.text.utf8))
    // Compiled as a build compiles it (`SiteTemplates`): a template, or errors inside the file.
    var d = Diagnostics()
    let compiled = Greeting.compile(theme.greeting.text, file: theme.greeting.file, firstLine: theme.greeting.firstLine, into: &d)
    LoaderContract.check(d.all, path, file.text, bytes: Data(file.text.utf8))
    guard let template = compiled else {
        if !d.all.contains(where: { $0.severity == .error }) { LoaderContract.fail("\(path): the greeting did not compile, with no error diagnostic") }
        return 0
    }

    let member = Member(id: MemberID("E1"), name: value, department: value, hireDate: Day(year: 2010, month: 3, day: 1),
                        city: value, email: "", phone: "", language: "zh-CN", status: .active, tags: [],
                        location: SourceLocation(file: "content/roster.csv", line: 2))
    let site = SiteConfig(name: "Site", union: "Union", language: "zh-CN", baseURL: nil, orderEndpoint: "", orderEmail: "",
                          policy: "policy.yaml")
    let card = Page.Card(theme: theme, day: Day(year: 2026, month: 6, day: 19)!, itemsPath: "")
    let locale = SiteLocale(language: "zh-CN", file: "fuzz",
                            strings: ["format.money": "¥{{amount}}", "format.month_day": "{{month}}月{{day}}日"], locations: [:])
    var contexts = PageContext(site: site, today: Day(year: 2026, month: 6, day: 10)!, menu: [],
                               locales: ["zh-CN": locale], greetings: [theme.slug: Localized(template)])
    let plain = contexts.greeting(card, member, locale)
    // A fresh cache per input: a stencil is kept by theme slug, and every input is theme `fuzz`.
    contexts.stencils = StencilCache()
    let stencilled = contexts.greeting(card, member, locale)

    for (how, html) in [("Mustache", plain), ("stencil", stencilled)] {
        if html.contains(value) || (html.contains(Hostile.marker) && !markdown.contains(Hostile.marker)) {
            LoaderContract.fail("member value reaches the HTML unescaped (\(how)):\nvalue: \(value)\nmarkdown: \(markdown)\nhtml: \(html)")
        }
    }
    if Array(plain.utf8) != Array(stencilled.utf8) {
        LoaderContract.fail("stencil and Mustache disagree:\nmarkdown: \(markdown)\nMustache: \(plain)\nstencil: \(stencilled)")
    }
    return 0
}

private enum Hostile {
    /// Markup that only an unescaped member value can put into the page (cmark leaves raw
    /// HTML out, and writes its own `<img>` with quoted attributes).
    static let marker = "<img src=x onerror=1>"
    static let tail = "\"'&"
    static let frontMatter = """
        ---
        title: 端午安康
        occasion: dragon-boat
        year: 2026
        budget: 300
        tags: [dragon-boat]
        ---

        """
}
