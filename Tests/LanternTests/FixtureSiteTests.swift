import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// End to end on `Tests/Fixtures/minimal`, whose expected pages are worked out by hand.
@Suite struct FixtureSiteTests {
    @Test func dragonBoatDayBuildsTheExpectedPages() throws {
        let site = try TestSite("minimal")
        let result = try site.build(today: "2026-06-10")
        let files = site.outputFiles().keys
        // Active members: T001–T004 and T006 (T005 left). Dragon boat is open for all five;
        // T001's solar birthday (06-12) is in its 7-day window; T004's birthday is lunar.
        #expect(files.filter { $0.hasPrefix("m/") && $0.split(separator: "/").count == 3 }.count == 5)
        #expect(files.filter { $0.hasSuffix("/dragon-boat/index.html") && $0.hasPrefix("m/") }.count == 5)
        #expect(files.filter { $0.hasSuffix("/birthday/index.html") && $0.hasPrefix("m/") }.count == 1)
        #expect(files.contains("m/\(site.token("T001"))/birthday/index.html"))
        #expect(!files.contains { $0.hasPrefix("m/\(site.token("T005"))") })
        #expect(files.filter { $0.hasPrefix("shop/") }.sorted() == ["shop/birthday/index.html", "shop/dragon-boat/index.html"])
        #expect(files.contains("menu/index.html") && files.contains("menu/checkup/index.html"))
        #expect(files.contains("index.html") && files.contains("robots.txt") && files.contains("assets/lantern.css"))
        #expect(result.members == 5)
    }

    @Test func storefrontsListExactlyWhatEachMemberMayPick() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        // Z-3 is over budget, Z-4 inactive, Z-5 sold out; Z-2 only in 北京 and 上海.
        let expected = ["T001": ["Z-1", "Z-2", "O-1"], "T002": ["Z-1", "Z-2", "O-1"],
                        "T003": ["Z-1", "O-1"], "T004": ["Z-1", "Z-2", "O-1"], "T006": ["Z-1", "Z-2", "O-1"]]
        for (id, skus) in expected {
            #expect(site.offeredSKUs("m/\(site.token(id))/dragon-boat/index.html") == skus, "\(id)")
        }
        #expect(site.offeredSKUs("m/\(site.token("T001"))/birthday/index.html") == ["B-1"])
        // The shared shop shows every city's items, still within budget and active.
        let shop = site.text("shop/dragon-boat/index.html")
        for sku in ["肉粽礼盒", "豆沙粽", "花生油"] { #expect(shop.contains(sku)) }
        for sku in ["高档粽礼", "停售粽子", "售罄咸蛋"] { #expect(!shop.contains(sku)) }
    }

    @Test func womensDayGoesToFemaleMembersOnly() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-03-05")
        let fronts = site.outputFiles().keys.filter { $0.hasPrefix("m/") && $0.hasSuffix("/womens-day/index.html") }.sorted()
        // Female and active: T001, T003 (T005 is female but has left).
        #expect(fronts == ["m/\(site.token("T001"))/womens-day/index.html", "m/\(site.token("T003"))/womens-day/index.html"].sorted())
        // Budget ¥100: W-2 (¥150) is out; S-1 only in 上海; O-1 (¥99) is in.
        #expect(site.offeredSKUs("m/\(site.token("T001"))/womens-day/index.html") == ["O-1", "W-1"])
        // T003's birthday (03-06) is also in its window: two cards on her home page.
        let home = site.text("m/\(site.token("T003"))/index.html")
        #expect(home.contains("三八节快乐") && home.contains("生日快乐"))
    }

    @Test func memberWithoutOpenThemeGetsNoPages() throws {
        let site = try TestSite("minimal")
        let result = try site.build(today: "2026-11-26")
        // Nothing open but birthdays; nobody's birthday is near 11-26. Only T002, who has a
        // personal letter (content/letters/get-well.md), gets a home page, and no storefront.
        #expect(result.members == 1)
        let memberFiles = site.outputFiles().keys.filter { $0.hasPrefix("m/") && $0 != "m/index.html" }
        #expect(memberFiles == ["m/\(site.token("T002"))/index.html"])
        #expect(!site.outputFiles().keys.contains { $0.hasPrefix("shop/dragon-boat") })
    }

    @Test func pathsNeverCarryIdsOrNames() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let roster = try RosterLoader.load(TextFile.read(site.site.appending(path: "content/roster.csv"), displayPath: "roster.csv")).members
        for path in site.outputFiles().keys {
            for member in roster {
                #expect(!path.lowercased().contains(member.id.rawValue.lowercased()), "\(path)")
                #expect(!path.contains(member.name), "\(path)")
            }
        }
        for path in site.outputFiles().keys where path.hasPrefix("m/") && path != "m/index.html" {
            let token = path.split(separator: "/")[1]
            #expect(token.count == 32 && token.allSatisfy { $0.isLowercase || ("2"..."7").contains($0) })
        }
    }

    @Test func memberPagesAreNoindexAndSendNoReferrer() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        for (path, data) in site.outputFiles() where path.hasPrefix("m/") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<meta name=\"robots\" content=\"noindex,nofollow\">"), "\(path)")
            #expect(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(path)")
        }
        #expect(!site.text("index.html").contains("noindex"))
        #expect(site.text("robots.txt") == "User-agent: *\nDisallow: /m/\n")
    }

    @Test func linksFileListsEveryMemberWithPages() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let data = try Data(contentsOf: site.privateFolder.appending(path: "links.csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(lines.first == "id,name,email,phone,url")
        #expect(lines.count == 6)
        #expect(lines.contains("T001,李静,li.jing@example.com,13900000001,m/\(site.token("T001"))/"))

        try site.write("content/site.yaml", site.read("content/site.yaml") + "base_url: https://welfare.example.com/sub\n")
        try site.build(today: "2026-06-10")
        let absolute = String(decoding: try Data(contentsOf: site.privateFolder.appending(path: "links.csv")), as: UTF8.self)
        #expect(absolute.contains("https://welfare.example.com/sub/m/\(site.token("T001"))/"))
    }

    @Test func linksAreRelativeSoTheSiteWorksUnderAnyPath() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        for (path, data) in site.outputFiles() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for attribute in ["href", "src"] {
                for url in HTML.attributeValues(html, tag: "a", where: "", attribute: attribute)
                    + HTML.attributeValues(html, tag: "link", where: "", attribute: attribute)
                    + HTML.attributeValues(html, tag: "script", where: "", attribute: attribute)
                    + HTML.attributeValues(html, tag: "img", where: "", attribute: attribute)
                where !url.hasPrefix("mailto:") && !url.hasPrefix("#") {
                    #expect(!url.hasPrefix("/") && !url.contains("://"), "\(path): \(url)")
                    // The link resolves to a file the build wrote.
                    let target = site.output.appending(path: path).deletingLastPathComponent()
                        .appending(path: url.components(separatedBy: "#")[0]).standardizedFileURL
                    #expect(FileManager.default.fileExists(atPath: target.path), "\(path): \(url)")
                }
            }
        }
    }

    @Test func secretComesFromAFileCreatedOnce() throws {
        let site = try TestSite("minimal")
        let options = BuildOptions(site: site.site, output: site.output, privateFolder: site.privateFolder,
                                   today: Day("2026-06-10")!, environment: [:])
        try Build(options).run()
        let key = site.privateFolder.appending(path: "secret.key")
        let attributes = try FileManager.default.attributesOfItem(atPath: key.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let first = try Data(contentsOf: key)
        let tokens = site.outputFiles().keys.filter { $0.hasPrefix("m/") }.sorted()
        try Build(options).run()
        #expect(try Data(contentsOf: key) == first)
        #expect(site.outputFiles().keys.filter { $0.hasPrefix("m/") }.sorted() == tokens)
    }
}
