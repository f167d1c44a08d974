import Foundation
import Testing
@testable import LanternModel

/// The whole page wears the theme's look, not only the card (issue 12): shops, item lists and
/// storefronts their theme; a member's home its first card's, unless a letter keeps it sober.
@Suite struct PageFrameTests {
    static let today = "2026-06-10"

    /// The `class` of the page's `<body>`.
    static func bodyClass(_ html: String) throws -> String {
        let tag = try #require(html.range(of: "<body class=\"")).upperBound
        return String(html[tag...].prefix { $0 != "\"" })
    }

    @Test func shopsListsAndStorefrontsWearTheirTheme() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        let pages = ["shop/dragon-boat/index.html": "page page-shop", TestSite.itemList("dragon-boat", city: "北京"): "page page-list",
                     "m/\(site.token("T002"))/dragon-boat/index.html": "page page-storefront"]
        for (path, kind) in pages {
            let html = site.text(path)
            #expect(try Self.bodyClass(html) == "\(kind) theme-dragon-boat tone-festive", "\(path)")
            #expect(html.contains("<meta name=\"theme-color\" content=\"#1f6f5c\">"), "\(path)")
        }
        // Pages of no theme wear the site's own colours (lantern.css :root).
        for path in ["index.html", "menu/index.html"] {
            #expect(try !Self.bodyClass(site.text(path)).contains("theme-"), "\(path)")
            #expect(!site.text(path).contains("theme-color"), "\(path)")
        }
    }

    @Test func aMembersHomeWearsItsFirstCardUnlessALetterKeepsItSober() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        // T001: the birthday card and the 端午 card, no letter.
        let home = site.text("m/\(site.token("T001"))/index.html")
        let first = try #require(home.range(of: "<section class=\"card-entry theme-")).upperBound
        let slug = String(home[first...].prefix { $0 != "\"" })
        #expect(home.components(separatedBy: "<section class=\"card-entry").count == 3)
        let tone = slug == "birthday" ? "warm" : "festive"
        #expect(try Self.bodyClass(home) == "page page-member theme-\(slug) tone-\(tone)")
        // T002 has a get-well letter: the frame is neutral and sober, the card below keeps its look.
        let letter = site.text("m/\(site.token("T002"))/index.html")
        #expect(try Self.bodyClass(letter) == "page page-member frame-neutral tone-sober")
        #expect(letter.contains("<meta name=\"theme-color\" content=\"\(OccasionPreset.neutral.palette.primary)\">"))
        #expect(letter.contains("<section class=\"card-entry theme-dragon-boat\">"))
        #expect(letter.contains("<article class=\"greeting-card tone-festive\" id=\"card-dragon-boat\">"))
    }

    /// Which cards a member has (a birthday, 三八) is personal: an encrypted home shows the site's
    /// frame outside the sealed part; a storefront, whose theme any visitor may know, its theme.
    @Test func anEncryptedHomeKeepsTheSiteFrame() throws {
        let site = try TestSite("minimal")
        try site.write("content/site.yaml", site.read("content/site.yaml") + "privacy:\n  encrypt: true\n")
        try site.build(today: Self.today)
        for member in ["T001", "T002"] {
            let home = site.text("m/\(site.token(member))/index.html")
            #expect(home.contains("data-sealed="))
            #expect(try Self.bodyClass(home) == "page page-member", "\(member)")
        }
        #expect(try Self.bodyClass(site.text("m/\(site.token("T002"))/dragon-boat/index.html"))
                == "page page-storefront theme-dragon-boat tone-festive")
    }

    @Test func qingmingWearsTheSoberTone() throws {
        let site = try TestSite("minimal")
        try site.write("content/policy.yaml", site.read("content/policy.yaml")
            .replacingOccurrences(of: "occasions:\n", with: "occasions:\n  qingming: { allowed: true }\n"))
        try site.write("content/themes/qingming.md", "---\ntitle: 清明 · 追思\noccasion: qingming\nyear: 2026\nbudget: 100\ntags: [dragon-boat]\n---\n\n{{name}}，清明安康。\n")
        try site.build(today: "2026-04-03")
        #expect(try Self.bodyClass(site.text("shop/qingming/index.html")) == "page page-shop theme-qingming tone-sober")
        let home = site.text("m/\(site.token("T001"))/index.html")
        #expect(home.contains("<article class=\"greeting-card tone-sober\" id=\"card-qingming\">"))
        #expect(home.contains("<img class=\"card-art\" src=\"../../assets/art/qingming.svg\" alt=\"\" width=\"320\" height=\"120\">"))
    }

    /// The card can be saved or printed: a button (shown by card.js, which member pages load)
    /// names the card it prints.
    @Test func theCardHasAPrintButtonForItself() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        for path in ["m/\(site.token("T002"))/index.html", "m/\(site.token("T002"))/dragon-boat/index.html"] {
            let html = site.text(path)
            #expect(html.contains("id=\"card-dragon-boat\""), "\(path)")
            #expect(html.contains("<button type=\"button\" class=\"button button-quiet\" data-print-card=\"card-dragon-boat\">保存或打印贺卡</button>"), "\(path)")
            #expect(html.contains("assets/card.js\" defer></script>"), "\(path)")
        }
        #expect(!site.text("shop/dragon-boat/index.html").contains("card.js"))
        #expect(site.text("assets/card.js").contains("window.print()"))
    }
}
