import Foundation
import Testing
@testable import Lantern

/// `Tests/Fixtures/escaping` puts `<script>`, `"`, `'` and `&` into the site name, a member's
/// name, id and department, an item's name, category, supplier and description, a theme's
/// title, summary and greeting, and a menu package.
@Suite struct EscapingTests {
    @Test func everyPageKindEscapesContent() throws {
        let site = try TestSite("escaping")
        try site.build(today: "2026-06-10")
        let token = site.token("E<1>")
        let pages = ["index.html", "shop/festival/index.html", "m/\(token)/index.html",
                     "m/\(token)/festival/index.html", "menu/index.html", "menu/care/index.html",
                     ItemGroup.path(theme: Slug("festival"), city: "北京")]
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
        // The shared item list (the storefront's items) escapes item names in view and in its template.
        let list = site.text(pages[6])
        #expect(list.components(separatedBy: "&lt;script&gt;alert(&#39;item&#39;)&lt;/script&gt; &amp; &quot;粽子&quot;").count == 4)
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
}
