import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// `Tests/Fixtures/escaping` puts `<script>`, `"`, `'` and `&` into the site name, a member's
/// name, id and department, an item's name, category, supplier and description, a theme's
/// title, summary and greeting, and a menu package. A second member (`E"\u{301}2`) and item (`X-2`)
/// carry `"` `<` `&` `'` each followed by a combining mark (U+0301).
@Suite struct EscapingTests {
    @Test func everyPageKindEscapesContent() throws {
        let site = try TestSite("escaping")
        try site.build(today: "2026-06-10")
        let token = site.token("E<1>")
        let pages = ["index.html", "shop/festival/index.html", "m/\(token)/index.html",
                     "m/\(token)/festival/index.html", "menu/index.html", "menu/care/index.html",
                     TestSite.itemList("festival", city: "北京")]
        for page in pages {
            let html = site.text(page)
            #expect(!html.isEmpty, "\(page) was not built")
            #expect(!html.contains("<script>alert"), "\(page) has an unescaped script")
            #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("<img src=x"), "\(page)")
            #expect(html.contains("&lt;"), "\(page) shows no escaped content")
        }
        #expect(site.text(pages[0]).contains("Festival &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &#39;x&#39; &quot;y&quot;"))
        #expect(site.text(pages[0]).contains("Fun &amp; &lt;b&gt;Games&lt;/b&gt;"))
        #expect(site.text(pages[1]).contains("&lt;script&gt;alert(&#39;item&#39;)&lt;/script&gt; &amp; &quot;粽子&quot;"))
        #expect(site.text(pages[1]).contains("Desc &lt;img src=x onerror=alert(1)&gt; &amp; &#39;quote&#39; &quot;dq&quot;"))
        for page in pages[2...3] {
            #expect(site.text(page).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; &quot;Bob&quot; O&#39;Neil"), "\(page)")
            #expect(site.text(page).contains("R&amp;D &lt;dept&gt;"), "\(page)")
        }
        #expect(site.text(pages[3]).contains("value=\"E&lt;1&gt;\""))
        // The shared item list (the storefront's items, once: in view and loaded) escapes item names.
        let list = site.text(pages[6])
        #expect(list.components(separatedBy: "&lt;script&gt;alert(&#39;item&#39;)&lt;/script&gt; &amp; &quot;粽子&quot;").count == 2)
        #expect(site.text(pages[3]).contains("action=\"https://forms.example.com/orders?a=1&amp;b=2\""))
        for page in pages[4...5] {
            #expect(site.text(page).contains("Care &lt;script&gt;alert(&#39;menu&#39;)&lt;/script&gt;"), "\(page)")
        }
    }

    @Test func rawHTMLInMarkdownIsLeftOut() throws {
        let site = try TestSite("escaping")
        try site.build(today: "2026-06-10")
        let card = site.text("m/\(site.token("E<1>"))/index.html")
        #expect(card.contains("<em>welcome</em>"))
        // cmark drops the tags themselves and leaves their text inert.
        #expect(!card.contains("<script>alert('markdown')"))
        #expect(card.contains("<!-- raw HTML omitted -->alert('markdown')"))
        #expect(!site.text("menu/care/index.html").contains("<script>alert('menu-body')"))
    }

    /// `"` followed by U+0301 is one Character that is not `"`: escaped Character by Character
    /// it went out raw, and a roster or catalog value wrote attributes of its own. Each page
    /// that shows such values escapes every one of those bytes, with stencils as without.
    @Test func specialBytesFollowedByCombiningMarksAreEscaped() throws {
        let site = try TestSite("escaping"), plain = try TestSite("escaping")
        try site.build(today: "2026-06-10")
        try plain.build(today: "2026-06-10", stencils: false)
        let member = "m/\(site.token(Marked.id))"
        let (home, storefront, shop, list) = ("\(member)/index.html", "\(member)/festival/index.html", "shop/festival/index.html",
                                              TestSite.itemList("festival", city: "北京"))
        for page in [home, storefront, shop, list] {
            let html = site.text(page)
            #expect(!html.isEmpty, "\(page) was not built")
            #expect(Array(html.utf8) == Array(plain.text(page).utf8), "\(page) differs between stencils and Mustache")
            for raw in Marked.raw { #expect(!Marked.has(html, raw), "\(page) has a raw \(raw.unicodeScalars.first!) before U+0301") }
            #expect(Marked.has(html, Marked.escapedQuote), "\(page) shows no escaped value")
            let attributes = Set(HTML.elements(html).flatMap { $0.attributes.map(\.name) })
            #expect(attributes.isDisjoint(with: ["autofocus", "onfocus", "onmouseover", "x"]), "\(page) has injected attributes")
        }
        for page in [home, storefront] {
            #expect(Marked.has(site.text(page), "<h1>\(Marked.name)，您好</h1>"), "\(page)")
            #expect(Marked.has(site.text(page), Marked.department), "\(page)")
        }
        let memberInput = HTML.elements(site.text(storefront)).first { $0.tag == "input" && $0.value("name") == "member" }
        #expect(memberInput?.value("value") == Marked.escapedID)
        for page in [shop, list] {
            for text in [Marked.item, Marked.category, Marked.description, Marked.supplier] {
                #expect(Marked.has(site.text(page), text), "\(page)")
            }
        }
        #expect(Marked.has(site.text(list), "<span class=\"item-name\">\(Marked.item)</span>"))
    }

    /// The audit and the print sheets are Mustache templates too, in `private/`.
    @Test func privateReportsEscapeCombiningMarksToo() throws {
        let site = try TestSite("escaping")
        try site.write("content/site.yaml", site.read("content/site.yaml") + "base_url: https://fuli.example.com/\nprint_sheets: all\n")
        try site.build(today: "2026-06-10")
        let print = site.privateFolder.appending(path: PrintSheets.folder)
        let sheets = try FileManager.default.contentsOfDirectory(atPath: print.path).map {
            try String(contentsOf: print.appending(path: $0), encoding: .utf8)
        }
        #expect(sheets.count == 2)
        let audit = try String(contentsOf: site.privateFolder.appending(path: "audit.html"), encoding: .utf8)
        for html in sheets + [audit] {
            for raw in Marked.raw { #expect(!Marked.has(html, raw)) }
        }
        #expect(sheets.contains { Marked.has($0, "<div class=\"name\">\(Marked.name)</div>") })
        #expect(sheets.contains { Marked.has($0, "<div class=\"dept\">\(Marked.department)</div>") })
        #expect(Marked.has(audit, "<td>\(Marked.item)</td>"))
    }

    /// The marked values of the fixture's `E"\u{301}2` and `X-2`, escaped; compared as bytes.
    enum Marked {
        static let id = "E\"\u{301}2"
        static let escapedID = "E&quot;\u{301}2"
        static let name = "Eve&quot;\u{301} autofocus onfocus=alert(1) x=&quot;\u{301} &lt;\u{301}b&gt;&amp;\u{301}amp; &#39;\u{301}"
        static let department = "Ops &lt;\u{301}dept&gt; &amp;\u{301} &quot;\u{301}"
        static let item = "Tea&quot;\u{301} autofocus onfocus=alert(1) x=&quot;\u{301} &lt;\u{301}b&gt;&amp;\u{301}amp; &#39;\u{301}"
        static let category = "&lt;\u{301}i&gt;饮料 &amp;\u{301}"
        static let description = "Desc &quot;\u{301} onmouseover=alert(2) x=&quot;\u{301} &lt;\u{301}img src=x&gt;&amp;\u{301}lt;"
        static let supplier = "Supplier &#39;\u{301} &quot;\u{301}"
        static let escapedQuote = "&quot;\u{301}"
        static let raw = ["\"\u{301}", "<\u{301}", "&\u{301}", "'\u{301}"]

        static func has(_ html: String, _ text: String) -> Bool { Array(html.utf8).contains(Array(text.utf8)) }
    }
}
