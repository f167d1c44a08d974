import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// `private/print/<department>.html`: one card per member with pages, whose QR code a phone
/// decodes to the member's link in `private/links.csv`. Decoding uses rsvg-convert and zbarimg
/// (`scripts/install-deps.sh`).
@Suite struct PrintSheetTests {
    static let baseURL = "https://welfare.example.com/fuli/"

    /// The minimal fixture with `base_url` set and a card for every member (`print_sheets: all`),
    /// or the site.yaml lines given instead of its own.
    static func site(siteYAML: String? = nil) throws -> TestSite {
        let site = try TestSite("minimal")
        let yaml = try siteYAML ?? (site.read("content/site.yaml") + "base_url: \(baseURL)\nprint_sheets: all\n")
        try site.write("content/site.yaml", yaml)
        return site
    }

    @Test func byDefaultOnlyMembersWithoutPhoneOrEmailGetACard() throws {
        let site = try TestSite("minimal")
        try site.write("content/site.yaml", site.read("content/site.yaml") + "base_url: \(Self.baseURL)\n")
        try site.build(today: "2026-06-10")
        // T006 吴桐 has neither phone nor e-mail (and no department); everyone else has both.
        #expect(try sheetFiles(site) == ["未分配部门.html"])
        let cards = cards(try sheet(site, "未分配部门.html"))
        #expect(cards.map(\.name) == ["吴桐"])
        #expect(try QRScanner.decode(svg: cards[0].svg) == (try linksByName(site))["吴桐"])
    }

    @Test func everyQRCodeDecodesToTheMembersLinkInLinksCSV() throws {
        let site = try Self.site()
        try site.build(today: "2026-06-10")
        let links = try linksByName(site)
        #expect(links.count == 5)
        var seen: [String] = []
        for file in try sheetFiles(site) {
            for card in cards(try sheet(site, file)) {
                let url = try #require(links[card.name], "\(card.name) on \(file) is not in links.csv")
                #expect(url.hasPrefix(Self.baseURL + "m/"))
                #expect(try QRScanner.decode(svg: card.svg) == url, "\(card.name) on \(file)")
                #expect(card.url == url, "the link printed under \(card.name)'s code")
                seen.append(card.name)
            }
        }
        #expect(seen.sorted() == links.keys.sorted(), "one card per member with pages, no more")
    }

    @Test func withEncryptionTheQRCodeCarriesTheKey() throws {
        let site = try Self.site()
        try site.write("content/site.yaml", site.read("content/site.yaml") + "privacy:\n  encrypt: true\n")
        try site.build(today: "2026-06-10")
        let links = try linksByName(site)
        let card = try #require(cards(try sheet(site, "研发部.html")).first { $0.name == "李静" })
        #expect(links["李静"]?.contains("/#k=") == true)
        #expect(try QRScanner.decode(svg: card.svg) == links["李静"])
    }

    @Test func oneSheetPerDepartmentWithItsMembers() throws {
        let site = try Self.site()
        let result = try site.build(today: "2026-06-10")
        // T005 has left (no pages); T006 has no department.
        #expect(try sheetFiles(site) == ["市场部.html", "未分配部门.html", "生产部.html", "研发部.html", "财务部.html"])
        #expect(result.printSheets == 5)
        #expect(cards(try sheet(site, "研发部.html")).map(\.name) == ["李静"])
        #expect(cards(try sheet(site, "未分配部门.html")).map(\.name) == ["吴桐"])
        let html = try sheet(site, "财务部.html")
        #expect(html.contains("@page { size: A4; margin: 12mm }"))
        #expect(html.contains("break-inside: avoid"))
        #expect(html.contains("用手机扫描二维码，打开您的专属福利页面"))
        #expect(html.contains("测试公司工会") && html.contains("赵敏") && html.contains("<div class=\"dept\">财务部</div>"))
        #expect(!html.contains("zhao.min@example.com") && !html.contains("13900000003") && !html.contains("T003"),
                "contact details and ids stay off the sheet")
        // The same build again gives the same bytes.
        let before = try sheetData(site)
        try site.build(today: "2026-06-10")
        #expect(try sheetData(site) == before)
    }

    @Test func sheetsOfDepartmentsThatAreGoneAreDeleted() throws {
        let site = try Self.site()
        try site.build(today: "2026-06-10")
        let print = site.privateFolder.appending(path: "print")
        try Data("kept".utf8).write(to: print.appending(path: "notes.txt"))
        // 赵敏 (财务部) leaves; 王强 moves to 研发部, so 市场部 is empty too.
        var roster = try site.read("content/roster.csv")
        roster = roster.replacingOccurrences(of: "zh-CN,active,\nT004", with: "zh-CN,left,\nT004")
            .replacingOccurrences(of: "T002,王强,市场部", with: "T002,王强,研发部")
        try site.write("content/roster.csv", roster)
        try site.build(today: "2026-06-10")
        #expect(try sheetFiles(site) == ["未分配部门.html", "生产部.html", "研发部.html"])
        #expect(cards(try sheet(site, "研发部.html")).map(\.name) == ["李静", "王强"])
        #expect(FileManager.default.fileExists(atPath: print.appending(path: "notes.txt").path), "files an admin put there stay")
    }

    @Test func everyStringOnTheSheetIsEscaped() throws {
        let site = try Self.site(siteYAML: """
            name: Site <i>x</i>
            union: 工会 <b>&</b> "U"
            base_url: https://welfare.example.com/?a=1&b=<2>/
            """)
        try site.write("content/roster.csv", #"""
            id,name,department,gender,birthday,birthday_calendar,hire_date,city,email,phone,language,status,tags
            X1,"<script>alert('x')</script> & ""Bob""",R&D <dept>/../ops,F,,,,北京,,,zh-CN,active,

            """#)
        // The fixture's letter is to a member this roster no longer has.
        try FileManager.default.removeItem(at: site.site.appending(path: "content/letters"))
        try site.build(today: "2026-06-10")
        #expect(try sheetFiles(site) == ["R&D _dept__.._ops.html"])
        let html = try sheet(site, "R&D _dept__.._ops.html")
        #expect(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>") && !html.contains("<dept>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Bob&quot;"))
        #expect(html.contains("R&amp;D &lt;dept&gt;/../ops"))
        #expect(html.contains("工会 &lt;b&gt;&amp;&lt;/b&gt; &quot;U&quot;"))
        #expect(html.contains("Site &lt;i&gt;x&lt;/i&gt;"))
        let card = try #require(cards(html).first)
        let url = try #require(try linksByName(site)["<script>alert('x')</script> & \"Bob\""])
        #expect(card.url == url.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;"))
        #expect(try QRScanner.decode(svg: card.svg) == url)
    }

    @Test func withoutBaseURLThereAreNoSheetsAndOneWarning() throws {
        let site = try TestSite("minimal")
        let result = try site.build(today: "2026-06-10")
        #expect(!FileManager.default.fileExists(atPath: site.privateFolder.appending(path: "print").path))
        #expect(result.printSheets == 0)
        // 吴桐 (T006) has neither phone nor e-mail: that is who the sheets are for.
        let warning = try only(.warning, containing: "no print sheets", in: result.warnings)
        #expect(warning.message.contains("1 member(s)") && warning.message.contains("T006"))
        #expect(warning.location == at("content/site.yaml", 1, 1))
        #expect(warning.hint?.contains("base_url") == true)

        // When every member can be reached by phone or e-mail, there is nothing to warn about.
        let roster = try site.read("content/roster.csv")
        try site.write("content/roster.csv", String(roster[..<roster.range(of: "T006")!.lowerBound]))
        #expect(!(try site.build(today: "2026-06-10")).warnings.contains { $0.message.contains("print sheets") })
    }

    @Test func removingBaseURLDeletesTheSheets() throws {
        let site = try Self.site()
        try site.build(today: "2026-06-10")
        #expect(try sheetFiles(site).count == 5)
        let yaml = try site.read("content/site.yaml")
        try site.write("content/site.yaml", yaml.replacingOccurrences(of: "base_url: \(Self.baseURL)\n", with: ""))
        try site.build(today: "2026-06-10")
        #expect(!FileManager.default.fileExists(atPath: site.privateFolder.appending(path: "print").path),
                "sheets with links that may be outdated do not stay behind")
    }

    @Test func aBaseURLTooLongForAQRCodeIsAnErrorAndChangesNothing() throws {
        let diagnostics = try expectFailedBuildLeavesOutputUntouched(try Self.site()) { site in
            let long = "https://example.com/" + String(repeating: "a", count: 2400) + "/"
            try site.write("content/site.yaml", "name: S\nunion: U\nbase_url: \(long)\n")
        }
        let error = try only(.error, containing: "too long for a QR code", in: diagnostics)
        #expect(error.location == at("content/site.yaml", 1, 1))
    }

    @Test func fileNamesAreSafeUniqueAndKeepChinese() {
        let names = PrintSheets.fileNames(for: ["", "..", "../etc/passwd", ".hidden", "Ops", "ops", "研发部", "研发部 ",
                                                "未分配部门", "a:b*c?", "CON", "tab\there", String(repeating: "长", count: 80)])
        #expect(names == ["未分配部门.html", "部门.html", "_etc_passwd.html", "hidden.html", "Ops.html", "ops-2.html",
                          "研发部.html", "研发部-2.html", "未分配部门-2.html", "a_b_c_.html", "CON_.html", "tab_here.html",
                          String(repeating: "长", count: 60) + ".html"])
        #expect(names.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") })
    }

    @Test func qrCodeSVGIsCompactDeterministicAndDecodes() throws {
        let text = "Lantern print-sheet 123 ABC https://x.example/m/abc/"
        let svg = try #require(QRCode.svg(text))
        #expect(QRCode.svg(text) == svg)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.components(separatedBy: "<path").count == 2, "one path for all dark modules")
        #expect(!svg.contains("href") && !svg.contains("url("), "no external references")
        let modules = try #require(QRCode.modules(text))
        #expect(svg.contains("viewBox=\"0 0 \(modules.count + 8) \(modules.count + 8)\""), "a 4-module quiet zone each side")
        // The top-left finder pattern starts at the quiet zone's inner corner.
        #expect(svg.contains("d=\"M4 4h7v1h-7z"))
        #expect(try QRScanner.decode(svg: svg) == text)
        #expect(try QRScanner.decode(svg: #require(QRCode.svg("abc"))) == "abc", "lower case stays lower case")
    }

    @Test func textNoQRCodeHoldsGivesNil() {
        #expect(QRCode.svg("") == nil)
        #expect(QRCode.svg(String(repeating: "x", count: 2332)) == nil)
        #expect(QRCode.svg(String(repeating: "x", count: 2331)) != nil)
    }

    // MARK: Reading the output

    struct Card { var name: String, svg: String, url: String }

    func sheetFiles(_ site: TestSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.privateFolder.appending(path: "print").path)
            .filter { $0.hasSuffix(".html") }.sorted()
    }

    func sheet(_ site: TestSite, _ file: String) throws -> String {
        try String(contentsOf: site.privateFolder.appending(path: "print/\(file)"), encoding: .utf8)
    }

    func sheetData(_ site: TestSite) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in try sheetFiles(site) {
            files[file] = try Data(contentsOf: site.privateFolder.appending(path: "print/\(file)"))
        }
        return files
    }

    /// Each `<section class="card">`: the name as shown (unescaped), its `<svg>`, and the printed link (as in the HTML).
    func cards(_ html: String) -> [Card] {
        html.components(separatedBy: "<section class=\"card\">").dropFirst().map { card in
            let name = between(card, "<div class=\"name\">", "</div>")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            return Card(name: name, svg: "<svg" + between(card, "<svg", "</svg>") + "</svg>",
                        url: between(card, "<div class=\"url\">", "</div>"))
        }
    }

    func between(_ text: String, _ open: String, _ close: String) -> String {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return "" }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// `private/links.csv` as name → url.
    func linksByName(_ site: TestSite) throws -> [String: String] {
        let file = try TextFile.read(site.privateFolder.appending(path: "links.csv"), displayPath: "links.csv")
        let table = try CSVTable.parse(file)
        let name = try #require(table.header.firstIndex(of: "name")), url = try #require(table.header.firstIndex(of: "url"))
        return Dictionary(uniqueKeysWithValues: table.rows.map { ($0.fields[name], $0.fields[url]) })
    }
}
