import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// End to end on the repository's own sample site (`content/`, `templates/`).
@Suite struct SampleSiteTests {
    /// The sample roster and catalog, read back with the loaders (tested on their own elsewhere).
    static func inputs(_ site: TestSite) throws -> (members: [Member], products: [Product]) {
        let roster = try RosterLoader.load(TextFile.read(site.site.appending(path: "content/roster.csv"), displayPath: "roster.csv")).members
        let catalog = try CatalogLoader.load(TextFile.read(site.site.appending(path: "content/catalog.csv"), displayPath: "catalog.csv"))
        return (roster, catalog.products)
    }

    @Test func sampleHasTheContentTheIssueAsksFor() throws {
        let site = try TestSite("sample")
        let (members, products) = try Self.inputs(site)
        #expect(products.count >= 60 && Set(products.map(\.category)).count >= 6)
        #expect(products.contains { $0.cities != nil } && products.contains { $0.kind == .service })
        #expect(members.count >= 40 && Set(members.map(\.city)).count >= 3 && Set(members.map(\.department)).count >= 3)
        for name in ["阿依古丽·买买提", "欧阳娜娜", "Emily Carter"] { #expect(members.contains { $0.name == name }) }
        #expect(members.contains { $0.name.contains("&") } && members.contains { $0.status == .left })
        #expect(members.contains { $0.phone.isEmpty || $0.department.isEmpty })
        let menus = SiteFiles.list(site.site.appending(path: "content/menu"), extension: "md")
        #expect(menus.count >= 4)
    }

    @Test(arguments: ["2026-06-10", "2026-03-05"])
    func pageCountsPerKind(today: String) throws {
        let site = try TestSite("sample")
        let result = try site.build(today: today)
        let (members, _) = try Self.inputs(site)
        let paths = site.outputFiles().keys
        let active = members.filter { $0.status == .active }
        let day = Day(today)!
        // Which themes each active member should have, worked out from the roster directly.
        func hasBirthday(_ m: Member) -> Bool {
            guard case .solar(let b) = m.birthday else { return false }
            let d = Day(year: day.year, month: b.month, day: b.day) ?? Day(year: day.year, month: b.month, day: b.day - 1)!
            return abs(d.julianDay - day.julianDay) <= 7
        }
        let festival = today == "2026-06-10" ? "dragon-boat-2026" : "womens-day-2026"
        let festivalMembers = active.filter { festival == "dragon-boat-2026" || $0.gender == .female }
        let birthdayMembers = active.filter(hasBirthday)
        let letterRecipients = try SiteContent.load(site: site.site).letters.flatMap(\.recipients)
        let withPages = Set(festivalMembers.map(\.id)).union(birthdayMembers.map(\.id)).union(letterRecipients)

        let homes = paths.filter { $0.hasPrefix("m/") && $0.split(separator: "/").count == 3 }
        #expect(homes.count == withPages.count)
        #expect(result.members == withPages.count)
        #expect(paths.filter { $0.hasPrefix("m/") && $0.hasSuffix("/\(festival)/index.html") }.count == festivalMembers.count)
        #expect(paths.filter { $0.hasPrefix("m/") && $0.hasSuffix("/birthday/index.html") }.count == birthdayMembers.count)
        #expect(birthdayMembers.count >= 2)
        #expect(paths.contains("shop/\(festival)/index.html") && paths.contains("shop/birthday/index.html"))
        #expect(paths.filter { $0.hasPrefix("menu/") }.count == 1 + SiteFiles.list(site.site.appending(path: "content/menu"), extension: "md").count)
        for member in active where !withPages.contains(member.id) {
            #expect(!paths.contains { $0.hasPrefix("m/\(site.token(member.id.rawValue))") })
        }
        for member in members where member.status == .left {
            #expect(!paths.contains { $0.hasPrefix("m/\(site.token(member.id.rawValue))") })
        }
    }

    @Test func womensDayStorefrontsAreForFemaleMembersOnly() throws {
        let site = try TestSite("sample")
        try site.build(today: "2026-03-05")
        let (members, _) = try Self.inputs(site)
        for member in members {
            let exists = FileManager.default.fileExists(
                atPath: site.output.appending(path: "m/\(site.token(member.id.rawValue))/womens-day-2026/index.html").path)
            #expect(exists == (member.gender == .female && member.status == .active), "\(member.id)")
        }
    }

    @Test func eachStorefrontListsExactlyTheItemsTheMemberMayPick() throws {
        let site = try TestSite("sample")
        try site.build(today: "2026-06-10")
        let (members, products) = try Self.inputs(site)
        var checked = 0
        for member in members where member.status == .active {
            let storefront = "m/\(site.token(member.id.rawValue))/dragon-boat-2026/index.html"
            // The rule, stated plainly: tagged dragon-boat, active, in stock, ≤ ¥200, delivered to the
            // member's city, and not one of the sample's deliberately non-compliant items.
            let expected = products.filter {
                $0.tags.contains("dragon-boat") && !$0.sku.rawValue.hasPrefix("BAD-") && $0.active && ($0.stock ?? 1) > 0 && $0.price.fen <= 20000
                    && ($0.cities == nil || $0.cities!.contains(member.city))
            }.map(\.sku.rawValue)
            #expect(site.offeredSKUs(storefront).sorted() == expected.sorted(), "\(member.id) in \(member.city)")
            checked += 1
        }
        #expect(checked >= 40)
        // The sample really does differ by city: not every storefront is the same list.
        let lists = Set(members.filter { $0.status == .active }.map {
            site.offeredSKUs("m/\(site.token($0.id.rawValue))/dragon-boat-2026/index.html")
        })
        #expect(lists.count >= 3)
    }

    @Test func lunarBirthdayOfTheSampleIsCelebratedOnMidAutumn2026() throws {
        // E1012 孙红梅 keeps a lunar birthday, 1968-08-15 (八月十五): 2026-09-25.
        let site = try TestSite("sample")
        try site.build(today: "2026-09-25")
        let card = site.text("m/\(site.token("E1012"))/birthday/index.html")
        #expect(card.contains("孙红梅") && card.contains("datetime=\"2026-09-25\""))
    }

    @Test func noMemberIdOrNameInAnyPath() throws {
        let site = try TestSite("sample")
        try site.build(today: "2026-06-10")
        let (members, _) = try Self.inputs(site)
        for path in site.outputFiles().keys + ["links.csv"] {
            for member in members {
                #expect(!path.contains(member.id.rawValue) && !path.contains(member.name), "\(path)")
            }
        }
    }
}
