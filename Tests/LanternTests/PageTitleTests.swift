import Foundation
import Crypto
import Testing
@testable import LanternModel
@testable import LanternPlanning

/// A page's `<title>` names the page (issue 12): the theme and the member on a storefront
/// (`2026 端午 · 张伟`), the member on their home page, never the site's name twice. With
/// encryption on, the title outside the sealed part names no member; the member's own travels
/// sealed, for `unlock.js` to set.
@Suite struct PageTitleTests {
    static func title(_ html: String) -> String? {
        guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func everyPageKindsTitleNamesThePage() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let token = site.token("T001")
        let expected = [
            "index.html": "测试福利站",
            "shop/dragon-boat/index.html": "端午安康 · 测试福利站",
            TestSite.itemList("dragon-boat", city: "北京"): "端午安康 · 可选礼品 · 测试福利站",
            "m/\(token)/index.html": "李静 · 测试福利站",
            "m/\(token)/dragon-boat/index.html": "端午安康 · 李静",
            "menu/index.html": "慰问菜单 · 测试福利站",
            "menu/checkup/index.html": "体检升级 · 测试福利站",
        ]
        for (path, title) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(Self.title(site.text(path)) == title, "\(path)")
        }
        // No page of any kind (every member's, every list) has the site's name twice.
        let pages = site.outputFiles().filter { $0.key.hasSuffix(".html") && $0.key != "m/index.html" }
        #expect(pages.count > 10)
        for (path, bytes) in pages {
            let title = try #require(Self.title(String(decoding: bytes, as: UTF8.self)), "\(path) has no title")
            #expect(title.components(separatedBy: "测试福利站").count <= 2, "\(path): \(title)")
        }
    }

    @Test func anEncryptedPagesTitleNamesTheMemberOnlyInsideTheSealedPart() throws {
        let site = try TestSite("escaping")
        try site.write("content/site.yaml", site.read("content/site.yaml") + "privacy:\n  encrypt: true\n")
        try site.build(today: "2026-06-10")
        let siteName = "Fun &amp; &lt;b&gt;Games&lt;/b&gt; 福利站"
        let memberName = "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; &quot;Bob&quot; O&#39;Neil"
        let theme = try #require(Self.title(site.text("shop/festival/index.html"))?.replacingOccurrences(of: " · " + siteName, with: ""))
        let folder = "m/\(site.token("E<1>"))/"
        let pages = [(folder + "index.html", siteName, memberName + " · " + siteName),
                     (folder + "festival/index.html", theme + " · " + siteName, theme + " · " + memberName)]
        for (path, shellTitle, memberTitle) in pages {
            let html = site.text(path)
            #expect(Self.title(html) == shellTitle, "\(path)")
            let payload = try #require(HTML.attributeValues(html, tag: "div", where: "id=\"sealed\"", attribute: "data-sealed").first)
            let box = try AES.GCM.SealedBox(combined: try #require(Data(base64Encoded: payload)))
            let plain = String(decoding: try AES.GCM.open(box, using: MemberKey.key(for: MemberID("E<1>"), secret: Secret(TestSite.secret))),
                               as: UTF8.self)
            #expect(plain.hasPrefix("<template data-page-title>\(memberTitle)</template>\n"), "\(path)")
        }
    }
}
