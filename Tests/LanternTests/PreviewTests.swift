import Foundation
import Testing
@testable import Lantern
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternServer

/// `lantern serve`'s state, without HTTP: the site rendered on request must be the site a build
/// writes, a site with errors must give them (and come back once fixed), and a reload must name
/// exactly the served pages whose bytes changed. The server itself is tried in Chromium
/// (Tests/browser/test_serve.py).
@Suite struct PreviewTests {
    /// Every file a build writes, asked of the preview by its path, is the same bytes: the
    /// preview shows what members will get (same secret, so the same links and tokens).
    @Test(arguments: ["2026-06-10", "2026-03-05"])
    func thePreviewServesWhatTheBuildWrites(today: String) throws {
        let site = try TestSite("sample")
        try site.build(today: today)
        let built = site.outputFiles()
        let preview = try PreviewSite.load(site: site.site, secret: Secret(TestSite.secret)).get()
        let day = try preview.on(Day(today)!).get()
        #expect(built.count > 20)
        var differing: [String] = []
        for (path, bytes) in built.sorted(by: { $0.key < $1.key }) {
            let shown = try day.file(at: path, site: site.site)
            if shown != bytes { differing.append(path + (shown == nil ? " (missing)" : "")) }
        }
        #expect(differing.isEmpty, "\(differing.count) of \(built.count) differ: \(differing.prefix(8))")
        // And nothing a build would not write.
        #expect(try day.file(at: "m/no-such-member/", site: site.site) == nil)
        #expect(try day.file(at: "shop/no-such-theme/", site: site.site) == nil)
    }

    @Test func eachMembersFolderGivesTheirOwnPages() throws {
        let site = try TestSite("sample")
        let preview = try PreviewSite.load(site: site.site, secret: Secret(TestSite.secret)).get()
        let day = try preview.on(Day("2026-06-10")!).get()
        #expect(!day.plan.members.isEmpty)
        for member in day.plan.members {
            let folder = String(member.paths[0].dropLast("index.html".count))
            #expect(folder == "m/\(site.token(member.member.id.rawValue))/")
            #expect(day.member(at: folder + "anything.html")?.member.id == member.member.id)
            #expect(day.pages(of: member.member.id)?.member.id == member.member.id)
            let home = try #require(try day.file(at: folder, site: site.site))
            #expect(String(decoding: home, as: UTF8.self).contains(MustacheHTML.escape(member.member.name)), "\(member.member.id)")
        }
    }

    @Test func aSiteWithErrorsGivesThemAndComesBackOnceFixed() throws {
        let site = try TestSite("sample")
        let theme = "content/themes/dragon-boat-2026.md"
        let good = try site.read(theme)
        let hub = PreviewHub(site: site.site, today: Day("2026-06-10"))
        guard case .file = hub.answer("/", day: Day("2026-06-10")!).body else { Issue.record("the portal"); return }

        try site.write(theme, good.replacingOccurrences(of: "budget: 200", with: "budget: [200"))
        hub.reload()
        guard case .failed(let diagnostics) = hub.answer("/", day: Day("2026-06-10")!).body else {
            Issue.record("a broken theme gives its errors"); return
        }
        let line = good.components(separatedBy: "\n").firstIndex(of: "budget: 200")! + 1
        let located = diagnostics.compactMap(\.location).filter { $0.file.hasSuffix(theme) }
        #expect(!located.isEmpty, "\(diagnostics)")
        #expect(located.contains { abs($0.line - line) <= 1 && $0.column > 0 }, "\(located)")

        try site.write(theme, good)
        hub.reload()
        guard case .file = hub.answer("/", day: Day("2026-06-10")!).body else { Issue.record("the portal is back"); return }
    }

    /// A price is on the storefront's item list, not on the care menu: a reload names the list
    /// and leaves the menu out. Then a greeting is on the storefront, not on the list.
    @Test func aReloadNamesTheServedPathsWhoseBytesChanged() async throws {
        let site = try TestSite("sample")
        let day = Day("2026-06-10")!
        let hub = PreviewHub(site: site.site, today: day)
        // The hub's secret is its own (a throw-away one): her folder is found through its plan.
        let her = try #require(try hub.site.get().on(day).get().pages(of: MemberID("E1001")))
        let folder = "/" + her.paths[0].dropLast("index.html".count)
        let storefront = folder + "dragon-boat-2026/"
        guard case .file(let page) = hub.answer(storefront, day: day).body else { Issue.record("her storefront"); return }
        let source = try #require(HTML.attributeValues(String(decoding: page, as: UTF8.self), tag: "div", where: "data-choices-src",
                                                        attribute: "data-choices-src").first)
        let list = URL(filePath: storefront).appending(path: source).standardized.path
        for path in ["/", "/menu/", list] {
            guard case .file = hub.answer(path, day: day).body else { Issue.record("\(path) served"); return }
        }
        var events = hub.listen(since: hub.generation).makeAsyncIterator()
        #expect(await events.next() == "retry: 500\n\n")

        try site.setPrice("DB-001", "127.00")
        hub.reload()
        let priced = try #require(await events.next())
        #expect(priced.hasPrefix("event: changed\n"))
        #expect(Self.paths(priced) == [list], "\(priced)")

        try site.write("content/themes/dragon-boat-2026.md", site.read("content/themes/dragon-boat-2026.md")
            .replacingOccurrences(of: "粽叶飘香，又是一年端午时。", with: "粽叶飘香，改过的一句。"))
        hub.reload()
        let greeted = try #require(await events.next())
        #expect(Self.paths(greeted).contains(storefront) && !Self.paths(greeted).contains("/menu/"), "\(greeted)")

        // Nothing changed on disk: nothing to reload.
        hub.reload()
        #expect(Self.paths(try #require(await events.next())).isEmpty)

        // A browser whose page is from two loads ago is told what it missed.
        var late = hub.listen(since: hub.generation - 2).makeAsyncIterator()
        _ = await late.next()
        #expect(Self.paths(try #require(await late.next())) == Self.paths(greeted))
        hub.close()
        #expect(await events.next() == nil)
    }

    /// A warning (an unknown key in a theme) does not stop the preview: the page is shown, and
    /// the bar lists the warning with its place in a collapsible panel.
    @Test func warningsAreListedInTheBar() throws {
        let site = try TestSite("sample")
        let theme = "content/themes/dragon-boat-2026.md"
        try site.write(theme, site.read(theme).replacingOccurrences(of: "summary: ", with: "sumary: typo\nsummary: "))
        let day = Day("2026-06-10")!
        let hub = PreviewHub(site: site.site, today: day)
        let answer = hub.answer("/", day: day)
        guard case .file(let bytes) = answer.body, let view = answer.view else { Issue.record("the portal is shown"); return }
        let warning = try #require(view.warnings.first { $0.location?.file.hasSuffix(theme) == true }, "\(view.warnings)")
        let page = String(decoding: PreviewChrome.page(bytes, bar: .init(day: day, generation: 1, member: nil, warnings: view.warnings)),
                          as: UTF8.self)
        let panel = try #require(page.range(of: "<details class=\"lp-warnings\">"))
        let rest = page[panel.upperBound...]
        #expect(rest.contains(MustacheHTML.escape(warning.location!.description)) && rest.contains(MustacheHTML.escape(warning.message)))
    }

    /// The overlay quotes the site's files and the diagnostics: as text, never as markup.
    @Test func theOverlayEscapesWhatItQuotes() throws {
        let site = try TestSite("sample")
        try site.write("content/themes/x.md", "---\ntitle: <script>alert(1)</script>\n---\n")
        let error = Diagnostic.error("a <b>bold</b> claim", at: SourceLocation(file: "content/themes/x.md", line: 2, column: 8),
                                     hint: "use \"<i>\" & co")
        let html = String(decoding: PreviewChrome.overlay([error], site: site.site, bar: .init(day: Day("2026-06-10")!, generation: 1,
                                                                                           member: nil, warnings: [])), as: UTF8.self)
        #expect(!html.contains("<script>alert") && !html.contains("<b>bold") && !html.contains("<i>"))
        #expect(html.contains("title: &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("content/themes/x.md:2:8"))
        // The page says nothing of whose it is while the site does not load.
        #expect(!html.contains("as a visitor"))
    }

    static func paths(_ event: String) -> Set<String> {
        let data = event.split(separator: "\n").first { $0.hasPrefix("data: ") }.map { Data($0.dropFirst(6).utf8) } ?? Data()
        return Set((try? JSONSerialization.jsonObject(with: data)) as? [String] ?? ["unreadable"])
    }
}
