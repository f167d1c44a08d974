import Foundation
import Testing
@testable import LanternModel
@testable import LanternOrders
@testable import LanternPlanning

/// `lantern collect` as a member's page meets it: a real process on loopback, a real SQLite
/// file. The minimal site on 2026-06-10: 端午 (`dragon-boat`, budget 200) is open, 三八
/// (`womens-day`) has closed. T001 lives in 北京, where Z-1 (128) and Z-2 (88.5) are delivered.
@Suite(.serialized) struct CollectorTests {
    static let today = "2026-06-10"

    static func started() throws -> (TestSite, CollectorProcess) {
        let site = try TestSite("minimal")
        try site.build(today: today)
        return (site, try CollectorProcess(site, today: today))
    }

    @Test func aChoiceIsConfirmedAndTheLatestCounts() async throws {
        let (site, collector) = try Self.started()
        defer { collector.stop() }
        let storefront = site.text("m/\(site.token("T001"))/dragon-boat/index.html")
        // The page carries the very code the collector expects.
        let code = OrderCode.code(member: MemberID("T001"), theme: Slug("dragon-boat"), secret: Secret(TestSite.secret))
        #expect(storefront.contains("<input type=\"hidden\" name=\"code\" value=\"\(code)\">"))

        let first = try await collector.post(CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"]))
        #expect(first.status == 200)
        #expect(first.body.contains("<strong data-total>¥128.00</strong>"))
        #expect(first.body.contains("<td class=\"n\" data-remaining>¥72.00</td>"))
        #expect(first.body.contains("<span class=\"receipt\" data-receipt>R0000001</span>"))
        #expect(first.body.contains("肉粽礼盒"))

        let second = try await collector.post(CollectorProcess.form("T001", "dragon-boat", skus: ["Z-2"]), json: true)
        #expect(second.status == 200)
        #expect(second.json["status"] as? String == "accepted")
        #expect(second.json["total_fen"] as? Int == 8850)
        #expect(second.json["remaining_fen"] as? Int == 11150)
        #expect(second.json["receipt"] as? String == "R0000002")

        let choices = try await collector.store().choices(theme: "dragon-boat")
        #expect(choices.map(\.member) == ["T001"])
        #expect(choices.first?.skus == ["Z-2"])
        #expect(choices.first?.totalFen == 8850)
        #expect(choices.first?.submissions == 2)
        #expect(try await collector.store().refusals().isEmpty)
        // The store and its log hold member data: the owner's alone.
        for suffix in ["", "-wal", "-shm"] {
            let path = collector.database.path + suffix
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600, "\(path)")
        }
    }

    /// Each way a submission can be wrong: refused with its reason and status, counted, and
    /// never stored as an order.
    @Test(arguments: [
        ("forged code", CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"], code: "aaaaaaaaaaaaaaaaaaaaaaaaaa"), Refusal.badCode, 403),
        ("another member's code", CollectorProcess.form("T002", "dragon-boat", skus: ["Z-1"],
                                                        code: OrderCode.code(member: MemberID("T001"), theme: Slug("dragon-boat"), secret: Secret(TestSite.secret))),
         .badCode, 403),
        ("an item not offered", CollectorProcess.form("T001", "dragon-boat", skus: ["Z-3"]), .ineligibleItem, 422),
        ("an item of another city", CollectorProcess.form("T003", "dragon-boat", skus: ["Z-2"]), .ineligibleItem, 422),
        ("over budget", CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1", "Z-2"]), .overBudget, 422),
        ("empty choice", CollectorProcess.form("T001", "dragon-boat", skus: []), .emptyChoice, 422),
        ("closed theme", CollectorProcess.form("T001", "womens-day", skus: ["W-1"]), .themeClosed, 409),
        ("an unknown field", CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"]) + "&total=1", .unknownField, 400),
        ("a bad escape", CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"]) + "&sku=%E4%B8", .malformed, 400),
        ("oversized body", CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"]) + "&sku=" + String(repeating: "x", count: 20_000),
         .tooLarge, 413),
    ])
    func refused(_ what: String, body: String, reason: Refusal, status: Int) async throws {
        let (_, collector) = try Self.started()
        defer { collector.stop() }
        let page = try await collector.post(body)
        #expect(page.status == status, "\(what)")
        #expect(page.body.contains("data-reason=\"\(reason.rawValue)\""), "\(what): \(page.body)")
        #expect(page.body.contains(try TestSite.locale("zh-CN").string("refusal.\(reason.rawValue)")))
        let json = try await collector.post(body, json: true)
        #expect(json.status == status)
        #expect(json.json["reason"] as? String == reason.rawValue)
        let store = try collector.store()
        let counted = try await store.refusals()
        #expect(counted == [reason: 2], "\(what): \(counted)")
        for theme in ["dragon-boat", "womens-day"] { #expect(try await store.choices(theme: theme).isEmpty, "\(what)") }
        // And the report counts them, with no order.
        let run = try CommandLineTests.lantern(["report", "--site", collector.site.site.path, "--private", collector.site.privateFolder.path,
                                                "--today", Self.today, "--db", collector.database.path])
        #expect(run.status == 0, "\(run.stderr)")
        let index = String(decoding: try Data(contentsOf: collector.site.privateFolder.appending(path: "reports/index.html")), as: UTF8.self)
        #expect(index.contains("data-all-refusal=\"\(reason.rawValue)\">2</td>"), "\(what)")
        #expect(index.contains("<b data-orders>0</b>"), "\(what)")
    }

    @Test func aFormThatIsNotURLEncodedIsRefused() async throws {
        let (_, collector) = try Self.started()
        defer { collector.stop() }
        let answer = try await collector.post("{\"member\":\"T001\"}", json: true, contentType: "application/json")
        #expect(answer.status == 400)
        #expect(answer.json["reason"] as? String == Refusal.malformed.rawValue)
    }

    /// Answered 200 means kept: a collector killed with SIGKILL and started again has every one.
    @Test func everyAnsweredSubmissionSurvivesAKill() async throws {
        let (site, collector) = try Self.started()
        var answered = 0
        for round in 0..<40 {
            let member = ["T001", "T002", "T004"][round % 3]
            let answer = try await collector.post(CollectorProcess.form(member, "dragon-boat", skus: [round % 2 == 0 ? "Z-1" : "Z-2"]))
            if answer.status == 200 { answered += 1 }
        }
        #expect(answered == 40)
        collector.kill()
        let restarted = try CollectorProcess(site, today: Self.today)
        defer { restarted.stop() }
        let choices = try await restarted.store().choices(theme: "dragon-boat")
        #expect(choices.map(\.member) == ["T001", "T002", "T004"])
        #expect(choices.map(\.submissions).reduce(0, +) == answered)
        // The last round's choice counts for each member: round 39 is T001 with Z-2, 38 T004 with Z-1, 37 T002 with Z-2.
        #expect(choices.map(\.skus) == [["Z-2"], ["Z-2"], ["Z-1"]])
        let after = try await restarted.post(CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"]), json: true)
        #expect(after.json["receipt"] as? String == "R0000041")
    }
}

/// The collector's wording comes from the locale files: every refusal has its message, in
/// every language the sample ships, and an English member reads English.
@Suite struct CollectorLanguageTests {
    @Test func everyRefusalHasItsMessageInEveryLocale() throws {
        #expect(Set(SiteLocale.collectorKeys.filter { $0.hasPrefix("refusal.") }) == Set(Refusal.allCases.map { "refusal.\($0.rawValue)" }))
        for language in ["zh-CN", "en"] {
            let locale = try TestSite.locale(language)
            for reason in Refusal.allCases { #expect(!locale.string("refusal.\(reason.rawValue)").isEmpty, "\(language) \(reason)") }
        }
    }

    @Test func anEnglishMemberReadsTheCollectorInEnglish() async throws {
        let site = try TestSite("minimal")
        try site.write("content/roster.csv", try site.read("content/roster.csv").replacingOccurrences(of: ",13900000001,zh-CN,", with: ",13900000001,en,"))
        try site.build(today: CollectorTests.today)
        let collector = try CollectorProcess(site, today: CollectorTests.today)
        defer { collector.stop() }
        let accepted = try await collector.post(CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"]))
        #expect(accepted.status == 200)
        #expect(accepted.body.contains("<html lang=\"en\">"))
        #expect(accepted.body.contains("<h1>Your choice is received</h1>"))
        #expect(accepted.body.contains("<strong data-total>CNY 128.00</strong>"))
        #expect(accepted.body.contains("The shop closes on 26 June 2026."))
        let refused = try await collector.post(CollectorProcess.form("T001", "dragon-boat", skus: []))
        #expect(refused.body.contains("You have not ticked any gift. Please choose at least one."))
        // Before the code proves who sends it, the site's language.
        let forged = try await collector.post(CollectorProcess.form("T001", "dragon-boat", skus: ["Z-1"], code: "aaaaaaaaaaaaaaaaaaaaaaaaaa"))
        #expect(forged.body.contains("<html lang=\"zh-CN\">"))
        #expect(forged.body.contains(try TestSite.locale("zh-CN").string("refusal.bad-code")))
    }
}
