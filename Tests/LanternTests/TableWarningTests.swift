import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// A catalog or roster that loads but is most likely not what the admin meant is a warning, not
/// silence: a header line with no rows; a hire date or birthday after the day of the build.
@Suite struct TableWarningTests {
    static let catalog = "content/catalog.csv"
    static let roster = "content/roster.csv"

    @Test func headerOnlyRosterIsAWarningAtTheFile() throws {
        let site = try TestSite("minimal")
        // The letter to T002 would be an error without T002.
        try FileManager.default.removeItem(at: site.site.appending(path: "content/letters"))
        try site.write(Self.roster, String(try site.read(Self.roster).prefix { $0 != "\n" }) + "\n")
        let result = try site.build(today: "2026-06-10")
        #expect(result.members == 0)
        let warning = try only(.warning, containing: "the roster has a header line but no members", in: result.warnings)
        #expect(warning.location == at(Self.roster, 1, 1))
        #expect(warning.hint?.contains("one row per member") == true)
    }

    @Test func headerOnlyCatalogIsAWarningAtTheFile() throws {
        // Trailing empty lines are no rows either.
        let (products, warnings) = try CatalogLoader.load(Data("sku,name,category,price\r\n,,,\r\n\r\n".utf8))
        #expect(products.isEmpty)
        let warning = try only(.warning, containing: "the catalog has a header line but no items", in: warnings)
        #expect(warning.location == at(Self.catalog, 1, 1))
        #expect(warnings.count == 1)

        let site = try TestSite("minimal")
        try site.write(Self.catalog, "sku,name,category,price,supplier,kind,voucher,tags,cities,image,description,stock,active\n")
        let all = try CheckedSite.check(try SiteContent.load(site: site.site)).warnings
        #expect(try only(.warning, containing: "no items", in: all).location == at(Self.catalog, 1, 1))
    }

    @Test func rosterWithMembersHasNoSuchWarning() throws {
        let site = try TestSite("minimal")
        let result = try site.build(today: "2026-06-10")
        #expect(!result.warnings.contains { $0.message.contains("header line but no") || $0.message.contains("after the day of the build") })
    }

    @Test func futureHireDateIsAWarningAtItsField() throws {
        let site = try TestSite("minimal")
        try site.write(Self.roster, try site.read(Self.roster)
            .replacingOccurrences(of: "T003,赵敏,财务部,F,1992-03-06,,2020-09-01", with: "T003,赵敏,财务部,F,1992-03-06,,2026-09-01")
            .replacingOccurrences(of: "T002,王强,市场部,M,1985-01-20", with: "T002,王强,市场部,M,2085-01-20"))
        let result = try site.build(today: "2026-06-10")
        // `T003,赵敏,财务部,F,1992-03-06,,` is 26 characters; `T002,王强,市场部,M,` 14.
        let hire = try only(.warning, containing: "hire_date 2026-09-01 of T003 is after the day of the build (2026-06-10)", in: result.warnings)
        #expect(hire.location == at(Self.roster, 4, 27))
        let birthday = try only(.warning, containing: "birthday 2085-01-20 of T002 is after the day of the build", in: result.warnings)
        #expect(birthday.location == at(Self.roster, 3, 15))
        #expect(result.warnings.filter { $0.message.contains("after the day of the build") }.count == 2)

        // The day decides: built for a day after it, the hire date is fine.
        let later = try site.build(today: "2026-09-01")
        #expect(later.warnings.filter { $0.message.contains("after the day of the build") }.map(\.location) == [at(Self.roster, 3, 15)])
        // A rebuild with nothing changed says it again.
        let again = try site.build(today: "2026-09-01")
        #expect(again.changes == Build.noChanges)
        #expect(again.warnings.filter { $0.message.contains("after the day of the build") }.map(\.location) == [at(Self.roster, 3, 15)])
    }

    @Test func checkWarnsToo() throws {
        let site = try TestSite("minimal")
        try site.write(Self.roster, try site.read(Self.roster)
            .replacingOccurrences(of: "T003,赵敏,财务部,F,1992-03-06,,2020-09-01", with: "T003,赵敏,财务部,F,1992-03-06,,2027-01-01"))
        let checked = try CheckedSite.check(try SiteContent.load(site: site.site), today: Day("2026-06-10")!)
        #expect(try only(.warning, containing: "hire_date 2027-01-01", in: checked.warnings).location == at(Self.roster, 4, 27))
        let run = try CommandLineTests.lantern(["check", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("content/roster.csv:4:27: warning: hire_date 2027-01-01 of T003 is after the day of the build (2026-06-10)"))
    }
}
