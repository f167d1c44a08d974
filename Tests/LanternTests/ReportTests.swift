import Foundation
import Testing
@testable import Lantern
@testable import LanternModel
@testable import LanternOrders
@testable import LanternPlanning
@testable import LanternReport
@testable import LanternSQLite

/// `lantern report` run as a binary over the minimal site on 2026-06-10 (端午 `dragon-boat` open,
/// budget 200, for T001–T004 and T006: T005 has left; the birthday theme open for T001 alone;
/// 三八 closed), with choices put in the store as the collector does (an `Order` from
/// `OrderDesk.check`, kept by `SQLiteSubmissionStore`), then every file read back.
@Suite struct ReportTests {
    static let today = "2026-06-10"
    /// 2026-06-10 09:30:00 in Shanghai.
    static let morning = Date(timeIntervalSince1970: 1_781_055_000)

    static func built(_ change: (TestSite) throws -> Void = { _ in }) throws -> TestSite {
        let site = try TestSite("minimal")
        try change(site)
        try site.build(today: today)
        return site
    }

    static func database(_ site: TestSite) -> URL { site.privateFolder.appending(path: "collect.sqlite") }

    /// Accepts `skus` for `member` as the collector would: checked by the desk, kept by the store.
    static func choose(_ site: TestSite, _ member: String, _ skus: [String], theme: String = "dragon-boat",
                       at time: Date = morning) async throws {
        let options = BuildOptions(site: site.site, privateFolder: site.privateFolder, today: Day(today)!,
                                   environment: ["LANTERN_SECRET": TestSite.secret])
        let loaded = try LoadedSite.load(options)
        let code = OrderCode.code(member: MemberID(member), theme: Slug(theme), secret: loaded.secret)
        let result = OrderDesk(site: loaded.checked, secret: loaded.secret)
            .check(Submission(member: member, theme: theme, code: code, skus: skus), on: Day(today)!)
        let order = try result.get()
        _ = try await SQLiteSubmissionStore(path: database(site).path).accept(order, at: time)
    }

    static func refuse(_ site: TestSite, _ reason: Refusal, member: String?, theme: String?, times: Int = 1) async throws {
        let store = try SQLiteSubmissionStore(path: database(site).path)
        for _ in 0..<times { try await store.refuse(reason, member: member, theme: theme, at: morning) }
    }

    @discardableResult
    static func report(_ site: TestSite, _ extra: [String] = []) throws -> CommandLineTests.Run {
        let run = try CommandLineTests.lantern(["report", "--site", site.site.path, "--private", site.privateFolder.path,
                                                "--today", today] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return run
    }

    static func file(_ site: TestSite, _ name: String) throws -> Data {
        try Data(contentsOf: site.privateFolder.appending(path: "reports/\(name)"))
    }

    static func rows(_ site: TestSite, _ name: String) throws -> [[String]] {
        try FormulaInjectionTests.cells(try file(site, name))
    }

    static func index(_ site: TestSite) throws -> String { String(decoding: try file(site, "index.html"), as: UTF8.self) }

    @Test func ordersHoldOneRowPerMemberWithACurrentChoice() async throws {
        let site = try Self.built()
        try await Self.choose(site, "T001", ["Z-1"], at: Self.morning.addingTimeInterval(-3600))
        try await Self.choose(site, "T001", ["Z-2", "O-1"])
        try await Self.choose(site, "T002", ["Z-1"], at: Self.morning.addingTimeInterval(61))
        try Self.report(site)
        #expect(try Self.rows(site, "orders-dragon-boat.csv") == [
            ["id", "name", "department", "city", "skus", "items", "total", "receipt", "time", "submissions"],
            ["T001", "李静", "研发部", "北京", "Z-2 O-1", "豆沙粽、花生油", "187.50", "R0000002", "2026-06-10T09:30:00+08:00", "2"],
            ["T002", "王强", "市场部", "上海", "Z-1", "肉粽礼盒", "128.00", "R0000003", "2026-06-10T09:31:01+08:00", "1"],
        ])
        // Nobody chose for the other themes: their orders hold the header alone.
        #expect(try Self.rows(site, "orders-birthday.csv").count == 1)
        #expect(try Self.rows(site, "orders-womens-day.csv").count == 1)
    }

    @Test func theSupplierOrderIsBySupplierSkuAndDeliveryCity() async throws {
        let site = try Self.built()
        try await Self.choose(site, "T001", ["Z-1"])           // 北京
        try await Self.choose(site, "T002", ["Z-1"])           // 上海
        try await Self.choose(site, "T004", ["Z-1"])           // 北京
        try await Self.choose(site, "T006", ["O-1", "Z-2"])    // 上海
        try Self.report(site)
        // Sorted by code point, the same on every machine (上海 U+4E0A before 北京 U+5317).
        let supplier = try Self.rows(site, "supplier-dragon-boat.csv")
        #expect(supplier == [
            ["supplier", "sku", "name", "city", "quantity", "unit_price", "amount"],
            ["油业公司", "O-1", "花生油", "上海", "1", "99.00", "99.00"],
            ["粽业公司", "Z-1", "肉粽礼盒", "上海", "1", "128.00", "128.00"],
            ["粽业公司", "Z-1", "肉粽礼盒", "北京", "2", "128.00", "256.00"],
            ["粽业公司", "Z-2", "豆沙粽", "上海", "1", "88.50", "88.50"],
        ], "\(supplier)")
    }

    @Test func remindersAreTheMembersTheThemeIsOpenToWhoHaveNotChosen() async throws {
        let site = try Self.built()
        try await Self.choose(site, "T002", ["Z-1"])
        try await Self.choose(site, "T004", ["Z-2"])
        try Self.report(site)
        let links = try FormulaInjectionTests.cells(Data(contentsOf: site.privateFolder.appending(path: "links.csv")))
        #expect(links.map(\.first) == ["id", "T001", "T002", "T003", "T004", "T006"])
        // The same columns and links as links.csv, without those who chose.
        #expect(try Self.rows(site, "reminders-dragon-boat.csv") == links.filter { !["T002", "T004"].contains($0[0]) })
        // The birthday theme is open to T001 alone on the day; 三八 has closed.
        #expect(try Self.rows(site, "reminders-birthday.csv") == [links[0], links[1]])
        #expect(try Self.rows(site, "reminders-womens-day.csv") == [links[0]])
    }

    @Test func remindersCarryThePageKeyWhenPagesAreEncrypted() async throws {
        let site = try Self.built { try $0.write("content/site.yaml", $0.read("content/site.yaml") + "privacy:\n  encrypt: true\n") }
        try await Self.choose(site, "T001", ["Z-1"])
        try Self.report(site)
        let links = try FormulaInjectionTests.cells(Data(contentsOf: site.privateFolder.appending(path: "links.csv")))
        let reminders = try Self.rows(site, "reminders-dragon-boat.csv")
        #expect(reminders == links.filter { $0[0] != "T001" })
        #expect(reminders.dropFirst().allSatisfy { $0[4].contains("#k=") })
    }

    @Test func theIndexShowsRatesBudgetItemsAndRefusals() async throws {
        let site = try Self.built()
        try await Self.choose(site, "T001", ["Z-1"])
        try await Self.choose(site, "T004", ["Z-1"])
        try await Self.choose(site, "T002", ["Z-2"])
        try await Self.refuse(site, .badCode, member: "T003", theme: "dragon-boat", times: 2)
        try await Self.refuse(site, .overBudget, member: "T004", theme: "dragon-boat")
        try await Self.refuse(site, .themeClosed, member: "T001", theme: "womens-day")
        try await Self.refuse(site, .malformed, member: nil, theme: nil)
        try Self.report(site)
        let page = try Self.index(site)
        let dragonBoat = try #require(Self.section(page, "dragon-boat"))
        #expect(dragonBoat.contains("<b data-rate>3 / 5</b> (60.0%)"))
        #expect(dragonBoat.contains("<b data-waiting>2</b>"))
        #expect(dragonBoat.contains("<tr><td>研发部</td><td class=\"n\">1 / 1</td><td class=\"n\">100.0%</td>"))
        #expect(dragonBoat.contains("<tr><td>财务部</td><td class=\"n\">0 / 1</td><td class=\"n\">0.0%</td>"))
        #expect(dragonBoat.contains("<tr><td>（未填 not given）</td><td class=\"n\">0 / 1</td>"))
        #expect(dragonBoat.contains("<tr><td>北京</td><td class=\"n\">2 / 2</td><td class=\"n\">100.0%</td>"))
        #expect(dragonBoat.contains("<tr><td>上海</td><td class=\"n\">1 / 2</td><td class=\"n\">50.0%</td>"))
        #expect(dragonBoat.contains("<tr><td>广州</td><td class=\"n\">0 / 1</td><td class=\"n\">0.0%</td>"))
        #expect(dragonBoat.contains("<rect class=\"fill\" width=\"60.0\" height=\"10\"/>"))
        // Planned: 5 eligible × ¥200; used: 128 + 128 + 88.50.
        #expect(dragonBoat.contains("计划 Planned (5 × ¥200.00)</td><td class=\"n\" data-planned>¥1000.00</td>"))
        #expect(dragonBoat.contains("已用 Used (34.5%)</td><td class=\"n\" data-used>¥344.50</td>"))
        #expect(dragonBoat.contains("<rect class=\"fill\" width=\"34.5\" height=\"10\"/>"))
        // Z-1 twice, then Z-2 once, as bars of 100 and 50.
        let z1 = try #require(dragonBoat.range(of: "<td><code>Z-1</code></td><td>肉粽礼盒</td><td class=\"n\">2</td>"))
        let z2 = try #require(dragonBoat.range(of: "<td><code>Z-2</code></td><td>豆沙粽</td><td class=\"n\">1</td>"))
        #expect(z1.lowerBound < z2.lowerBound)
        #expect(dragonBoat.contains("<td class=\"n\">1</td><td class=\"b\"><svg class=\"bar\" viewBox=\"0 0 100 10\" "
                                    + "preserveAspectRatio=\"none\" role=\"img\" aria-label=\"1\"><rect class=\"fill\" width=\"50.0\""))
        #expect(dragonBoat.contains("<b data-refused>3</b>"))
        #expect(dragonBoat.contains("data-refusal=\"bad-code\">2</td>"))
        #expect(dragonBoat.contains("data-refusal=\"over-budget\">1</td>"))
        #expect(!dragonBoat.contains("data-refusal=\"theme-closed\""))
        let womensDay = try #require(Self.section(page, "womens-day"))
        #expect(womensDay.contains("<b data-rate>0 / 2</b> (0.0%)"))
        #expect(womensDay.contains("data-refusal=\"theme-closed\">1</td>"))
        // Over all themes, the unreadable form included.
        for (reason, count) in [("bad-code", 2), ("over-budget", 1), ("theme-closed", 1), ("malformed", 1)] {
            #expect(page.contains("data-all-refusal=\"\(reason)\">\(count)</td>"), "\(reason)")
        }
        #expect(page.contains("<th colspan=\"2\">合计 Total</th><td class=\"n\">5</td>"))
        // Places kept for what is not collected yet; nothing that runs.
        #expect(page.contains("data-satisfaction") && page.contains("data-care"))
        #expect(!page.contains("<script"))
    }

    /// The part of the page about one theme: from its heading to the next.
    static func section(_ page: String, _ slug: String) -> String? {
        guard let start = page.range(of: "<h2 id=\"\(slug)\">") else { return nil }
        let end = page.range(of: "<h2", range: start.upperBound..<page.endIndex)?.lowerBound ?? page.endIndex
        return String(page[start.lowerBound..<end])
    }

    @Test func rosterAndCatalogValuesAreEscapedInTheIndex() async throws {
        let site = try Self.built { site in
            try site.write("content/roster.csv", try site.read("content/roster.csv")
                .replacingOccurrences(of: "T001,李静,研发部,", with: "T001,<script>alert(1)</script>,<script>alert(2)</script>,")
                .replacingOccurrences(of: ",广州,", with: ",<img src=x onerror=alert(3)>,"))
            try site.write("content/catalog.csv", try site.read("content/catalog.csv")
                .replacingOccurrences(of: "Z-1,肉粽礼盒,", with: "Z-1,\"<b onclick=\"\"x\"\">粽</b>\","))
        }
        try await Self.choose(site, "T001", ["Z-1"])
        try Self.report(site)
        let page = try Self.index(site)
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("<b onclick"))
        #expect(page.contains("<tr><td>&lt;script&gt;alert(2)&lt;/script&gt;</td><td class=\"n\">1 / 1</td>"))
        #expect(page.contains("<tr><td>&lt;img src=x onerror=alert(3)&gt;</td><td class=\"n\">0 / 1</td>"))
        #expect(page.contains("<td>&lt;b onclick=&quot;x&quot;&gt;粽&lt;/b&gt;</td>"))
        // The CSV holds the name as the roster has it (a spreadsheet does not run HTML).
        #expect(try Self.rows(site, "orders-dragon-boat.csv")[1][1] == "<script>alert(1)</script>")
    }

    @Test func theFolderIsPrivateAndOldThemeFilesGo() async throws {
        let site = try Self.built()
        try await Self.choose(site, "T001", ["Z-1"])
        let folder = site.privateFolder.appending(path: "reports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try Data("old".utf8).write(to: folder.appending(path: "orders-gone-2025.csv"))
        try Data("mine".utf8).write(to: folder.appending(path: "notes.txt"))
        try Self.report(site)
        let fm = FileManager.default
        #expect(try fm.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int == 0o700)
        let names = try fm.contentsOfDirectory(atPath: folder.path).sorted()
        let written = ["index.html", "requests.csv"] + ["birthday", "dragon-boat", "womens-day"].flatMap { slug in
            ["feedback-\(slug).csv", "orders-\(slug).csv", "reminders-\(slug).csv", "supplier-\(slug).csv"]
        }
        #expect(names == (written + ["notes.txt"]).sorted())
        for name in written {
            #expect(try fm.attributesOfItem(atPath: folder.appending(path: name).path)[.posixPermissions] as? Int == 0o600, "\(name)")
        }
    }

    @Test func aMissingDatabaseIsAnErrorAndWritesNothing() throws {
        let site = try Self.built()
        let run = try CommandLineTests.lantern(["report", "--site", site.site.path, "--private", site.privateFolder.path,
                                                "--today", Self.today])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: no collected choices: \(Self.database(site).path) does not exist"))
        #expect(run.stderr.contains("hint: run `lantern collect`"))
        #expect(!FileManager.default.fileExists(atPath: Self.database(site).path))
        #expect(!FileManager.default.fileExists(atPath: site.privateFolder.appending(path: "reports").path))
        let elsewhere = try CommandLineTests.lantern(["report", "--site", site.site.path, "--private", site.privateFolder.path,
                                                      "--today", Self.today, "--db", site.root.appending(path: "none.sqlite").path])
        #expect(elsewhere.status == 1 && elsewhere.stderr.contains("none.sqlite does not exist"))
    }

    @Test func aChoiceTheRosterNoLongerMatchesIsListedAndNamed() async throws {
        let site = try Self.built()
        try await Self.choose(site, "T001", ["Z-1"])
        try await Self.choose(site, "T006", ["Z-1"])
        try await Self.choose(site, "T003", ["Z-1"])
        // Since then T006 is gone from the roster and T003 has left the company.
        try site.write("content/roster.csv", try site.read("content/roster.csv")
            .split(separator: "\n").filter { !$0.hasPrefix("T006,") }.joined(separator: "\n")
            .replacingOccurrences(of: "zh-CN,active,\nT004", with: "zh-CN,left,\nT004") + "\n")
        let run = try Self.report(site)
        #expect(run.stderr.contains("warning: T006's choice for dragon-boat (R0000002) names a member the roster no longer has"))
        #expect(run.stderr.contains("warning: T003's choice for dragon-boat (R0000003) is from a member the theme is no longer for"))
        let orders = try Self.rows(site, "orders-dragon-boat.csv")
        #expect(orders.map(\.first) == ["id", "T001", "T003", "T006"])
        #expect(orders[3].prefix(5) == ["T006", "", "", "", "Z-1"])
        let page = try Self.index(site)
        #expect(page.contains("<h2>需要处理 Needs attention</h2>"))
        #expect(page.contains("<li>T006&#39;s choice for dragon-boat (R0000002) names a member the roster no longer has"))
        // Eligible now: T001, T002, T004; of them T001 chose.
        #expect(page.contains("<b data-rate>1 / 3</b>"))
    }

    /// Rates and shares print the same everywhere: integer arithmetic, half up, bars within 0–100.
    @Test func sharesRoundHalfUpAndBarsStayWithinTheirTrack() {
        #expect(Share(1, of: 3).percent == "33.3%" && Share(2, of: 3).percent == "66.7%")
        #expect(Share(1, of: 8).percent == "12.5%" && Share(1, of: 8).barWidth == "12.5")
        #expect(Share(1, of: 2000).percent == "0.1%" && Share(1, of: 2001).percent == "0.0%")
        #expect(Share(0, of: 0).percent == "—" && Share(0, of: 0).barWidth == "0.0")
        #expect(Share(3, of: 2).percent == "150.0%" && Share(3, of: 2).barWidth == "100.0")
        #expect(Share(2, of: 5).fraction == "2 / 5")
    }

    /// The whole way: choices posted to a real `lantern collect`, reported from its file.
    @Suite(.serialized) struct FromACollector {
        @Test func whatTheCollectorAcceptedIsReported() async throws {
            let site = try ReportTests.built()
            let database = site.root.appending(path: "orders.sqlite")
            let collector = try CollectorProcess(site, today: ReportTests.today, database: database)
            defer { collector.stop() }
            #expect(try await collector.post(CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"])).status == 200)
            #expect(try await collector.post(CollectorProcess.form("T002", "dragon-boat", skus: ["Z-1"], code: "forged")).status == 403)
            try ReportTests.report(site, ["--db", database.path])
            let orders = try ReportTests.rows(site, "orders-dragon-boat.csv")
            #expect(orders.count == 2)
            #expect(orders[1].prefix(8) == ["T001", "李静", "研发部", "北京", "Z-1", "肉粽礼盒", "128.00", "R0000001"])
            let page = try ReportTests.index(site)
            #expect(page.contains("<b data-rate>1 / 5</b> (20.0%)"))
            #expect(page.contains("data-refusal=\"bad-code\">1</td>"))
        }
    }
}

/// Ratings and care-menu requests in the report: the distribution and the comments without who
/// wrote them on the page, the rows with the member only in the private CSVs.
@Suite struct ReportFeedbackTests {
    static let closed = "2026-06-30"

    static func loaded(_ site: TestSite) throws -> LoadedSite {
        try LoadedSite.load(BuildOptions(site: site.site, privateFolder: site.privateFolder, today: Day(closed)!,
                                         environment: ["LANTERN_SECRET": TestSite.secret]))
    }

    @Test func ratingsCommentsAndRequestsAreReported() async throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.closed)
        let loaded = try Self.loaded(site)
        let desk = OrderDesk(site: loaded.checked, secret: loaded.secret)
        let store = try SQLiteSubmissionStore(path: ReportTests.database(site).path)
        for (member, rating, comment) in [("T001", "5", "粽子很好吃"), ("T002", "4", ""), ("T004", "4", "希望多些选择")] {
            let code = OrderCode.code(member: MemberID(member), theme: Slug("dragon-boat"), secret: loaded.secret)
            let feedback = try desk.check(FeedbackSubmission(member: member, theme: "dragon-boat", code: code, rating: rating, comment: comment),
                                          on: Day(Self.closed)!).get()
            #expect(try await store.feedback(feedback, anonymous: false, at: ReportTests.morning))
        }
        let package = loaded.checked.content.menu[0]
        let request = try desk.check(CareRequestSubmission(member: "T002", code: OrderCode.requestCode(member: MemberID("T002"), secret: loaded.secret),
                                                           package: package.slug.rawValue, note: "周末上午")).get()
        _ = try await store.request(request, at: ReportTests.morning)

        let run = try CommandLineTests.lantern(["report", "--site", site.site.path, "--private", site.privateFolder.path, "--today", Self.closed])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try ReportTests.index(site)
        #expect(index.contains("<b data-average>4.3</b>"))
        #expect(index.contains("<td class=\"n\" data-rating=\"5\">1</td>"))
        #expect(index.contains("<td class=\"n\" data-rating=\"4\">2</td>"))
        #expect(index.contains("<li>粽子很好吃</li>") && index.contains("<li>希望多些选择</li>"))
        #expect(index.contains("<td>\(package.title)</td><td class=\"n\">1</td>"))
        // Who wrote or asked is not on the page.
        for name in ["李静", "王强", "陈刚", "T001", "T002", "T004"] { #expect(!index.contains(name), "\(name)") }
        #expect(try ReportTests.rows(site, "feedback-dragon-boat.csv") == [
            ["rating", "comment", "id"], ["5", "粽子很好吃", "T001"], ["4", "", "T002"], ["4", "希望多些选择", "T004"],
        ])
        #expect(try ReportTests.rows(site, "requests.csv") == [
            ["receipt", "time", "id", "name", "department", "phone", "package", "note"],
            ["Q0000001", "2026-06-10T09:30:00+08:00", "T002", "王强", "市场部", "13900000002", package.title, "周末上午"],
        ])
    }
}

/// `lantern report --import`: choices made through another form service, checked as the
/// collector checks them, on the day each was made.
@Suite struct ReportImportTests {
    static func code(_ member: String, _ theme: String = "dragon-boat") -> String {
        OrderCode.code(member: MemberID(member), theme: Slug(theme), secret: Secret(TestSite.secret))
    }

    @Test func anExportIsCheckedAndItsLatestChoicesCount() throws {
        let site = try ReportTests.built()
        let export = """
            member,theme,code,skus,time
            T001,dragon-boat,\(Self.code("T001")),Z-1,2026-06-08 09:00
            T001,dragon-boat,\(Self.code("T001")),"Z-2, O-1",2026-06-09 10:30:00
            T002,dragon-boat,\(Self.code("T001")),Z-1,2026-06-09 11:00
            T004,dragon-boat,\(Self.code("T004")),Z-1 Z-2,2026-06-09T12:00:00+08:00
            T003,dragon-boat,\(Self.code("T003")),Z-1,2026/6/9 13:05
            T004,womens-day,\(Self.code("T004", "womens-day")),W-1,2026-06-09 14:00

            """
        let file = site.root.appending(path: "export.csv")
        try export.write(to: file, atomically: true, encoding: .utf8)
        let run = try CommandLineTests.lantern(["report", "--site", site.site.path, "--private", site.privateFolder.path,
                                                "--today", ReportTests.today, "--import", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try ReportTests.rows(site, "orders-dragon-boat.csv") == [
            ["id", "name", "department", "city", "skus", "items", "total", "receipt", "time", "submissions"],
            ["T001", "李静", "研发部", "北京", "Z-2 O-1", "豆沙粽、花生油", "187.50", "I3", "2026-06-09T10:30:00+08:00", "2"],
            ["T003", "赵敏", "财务部", "广州", "Z-1", "肉粽礼盒", "128.00", "I6", "2026-06-09T13:05:00+08:00", "1"],
        ])
        let index = try ReportTests.index(site)
        // T002 with T001's code, T004 over budget, 三八 closed long before.
        #expect(index.contains("data-all-refusal=\"bad-code\">1</td>"))
        #expect(index.contains("data-all-refusal=\"over-budget\">1</td>"))
        #expect(index.contains("data-all-refusal=\"theme-closed\">1</td>"))
    }

    @Test func aBadTimeIsAnErrorAtItsCell() throws {
        let site = try ReportTests.built()
        let file = site.root.appending(path: "export.csv")
        try "member,theme,code,skus,time\nT001,dragon-boat,x,Z-1,yesterday\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try CommandLineTests.lantern(["report", "--site", site.site.path, "--private", site.privateFolder.path,
                                                "--today", ReportTests.today, "--import", file.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(file.path):2:24: error: bad time `yesterday`"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.privateFolder.appending(path: "reports").path))
    }
}
