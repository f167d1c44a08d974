import Foundation
import GRDB
import Testing
@testable import LanternModel
@testable import LanternOrders
@testable import LanternPlanning

/// After a theme closes, the member's page asks for a rating and a comment, and the collector
/// keeps them (issue 11). The minimal site's 端午 (2026-06-19, closes 7 days after) has closed
/// by 2026-06-30 and is in the default 14-day feedback window until 2026-07-10.
@Suite(.serialized) struct FeedbackTests {
    static let today = "2026-06-30"

    static func form(_ member: String, rating: String, comment: String = "", theme: String = "dragon-boat") -> String {
        let code = OrderCode.code(member: MemberID(member), theme: Slug(theme), secret: Secret(TestSite.secret))
        let comment = comment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "member=\(member)&theme=\(theme)&code=\(code)&rating=\(rating)&comment=\(comment)"
    }

    static func started(anonymous: Bool = false, today: String = today) throws -> (TestSite, CollectorProcess) {
        let site = try TestSite("minimal")
        if anonymous { try site.write("content/site.yaml", try site.read("content/site.yaml") + "feedback:\n  anonymous: true\n") }
        try site.build(today: today)
        return (site, try CollectorProcess(site, today: today))
    }

    @Test func theMemberPageAsksAndTheCollectorKeepsOneAnswer() async throws {
        let (site, collector) = try Self.started()
        defer { collector.stop() }
        let home = site.text("m/\(site.token("T001"))/index.html")
        #expect(home.contains("<form class=\"feedback-form\" method=\"post\" action=\"https://forms.example.com/feedback\">"))
        #expect(home.contains("端午安康：请告诉我们您的感受"))
        #expect(!home.contains("匿名反馈"))

        let thanks = try await collector.post(Self.form("T001", rating: "4", comment: "粽子很好吃 <b>"), to: "/feedback")
        #expect(thanks.status == 200)
        #expect(thanks.body.contains("感谢您的反馈"))
        let again = try await collector.post(Self.form("T001", rating: "5"), to: "/feedback", json: true)
        #expect(again.status == 409)
        #expect(again.json["reason"] as? String == Refusal.alreadyAnswered.rawValue)
        let stored = try await collector.store().feedback(theme: "dragon-boat")
        #expect(stored == [StoredFeedback(theme: "dragon-boat", rating: 4, comment: "粽子很好吃 <b>", member: "T001")])
    }

    @Test(arguments: [("0", Refusal.badRating), ("6", .badRating), ("", .badRating), ("x", .badRating)])
    func aRatingOutsideOneToFiveIsRefused(rating: String, reason: Refusal) async throws {
        let (_, collector) = try Self.started()
        defer { collector.stop() }
        let answer = try await collector.post(Self.form("T001", rating: rating), to: "/feedback", json: true)
        #expect(answer.status == 422)
        #expect(answer.json["reason"] as? String == reason.rawValue)
        #expect(try await collector.store().feedback(theme: "dragon-boat").isEmpty)
    }

    @Test func aLongCommentAForgedCodeAndAnOpenThemeAreRefused() async throws {
        let (_, collector) = try Self.started()
        defer { collector.stop() }
        let long = try await collector.post(Self.form("T001", rating: "3", comment: String(repeating: "长", count: 501)), to: "/feedback", json: true)
        #expect(long.json["reason"] as? String == Refusal.commentTooLong.rawValue)
        let forged = try await collector.post(Self.form("T001", rating: "3").replacingOccurrences(of: "code=", with: "code=x"), to: "/feedback", json: true)
        #expect(forged.json["reason"] as? String == Refusal.badCode.rawValue)
        #expect(try await collector.store().feedback(theme: "dragon-boat").isEmpty)

        // While the shop is open there is nothing to rate yet.
        let (site, open) = try Self.started(today: "2026-06-20")
        defer { open.stop() }
        #expect(!site.text("m/\(site.token("T001"))/index.html").contains("端午安康：请告诉我们您的感受"))
        let early = try await open.post(Self.form("T001", rating: "3"), to: "/feedback", json: true)
        #expect(early.status == 409)
        #expect(early.json["reason"] as? String == Refusal.notInFeedbackWindow.rawValue)
    }

    /// `feedback.anonymous: true`: the SQLite file holds no member id next to a rating or a
    /// comment, only (apart) that the member answered.
    @Test func anonymousFeedbackKeepsNoMemberIdNextToARating() async throws {
        let (site, collector) = try Self.started(anonymous: true)
        defer { collector.stop() }
        #expect(site.text("m/\(site.token("T001"))/index.html").contains("匿名反馈"))
        for (member, rating) in [("T001", "5"), ("T002", "2"), ("T004", "4")] {
            let answer = try await collector.post(Self.form(member, rating: rating, comment: "意见\(rating)"), to: "/feedback")
            #expect(answer.status == 200)
        }
        let again = try await collector.post(Self.form("T002", rating: "1"), to: "/feedback", json: true)
        #expect(again.json["reason"] as? String == Refusal.alreadyAnswered.rawValue)
        collector.stop()

        let db = try DatabaseQueue(path: collector.database.path)
        try await db.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'")
            var ratingsSeen = 0
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                    let values = columns.map { row[$0] as DatabaseValue }
                    let holdsMember = values.contains { ["T001", "T002", "T004"].contains(String.fromDatabaseValue($0) ?? "") }
                    let holdsAnswer = columns.contains("rating") || values.contains { (String.fromDatabaseValue($0) ?? "").hasPrefix("意见") }
                    if columns.contains("rating") { ratingsSeen += 1 }
                    #expect(!(holdsMember && holdsAnswer), "\(table): \(row)")
                }
            }
            #expect(ratingsSeen == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback_answered") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE member IS NOT NULL") == 0)
        }
        let stored = try await collector.store().feedback(theme: "dragon-boat")
        #expect(stored.map(\.rating).sorted() == [2, 4, 5])
        #expect(stored.allSatisfy { $0.member == nil })
        // The report has no member next to an answer either.
        let run = try CommandLineTests.lantern(["report", "--site", site.site.path, "--private", site.privateFolder.path,
                                                "--today", Self.today, "--db", collector.database.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try FormulaInjectionTests.cells(try Data(contentsOf: site.privateFolder.appending(path: "reports/feedback-dragon-boat.csv")))
        #expect(rows.count == 4)
        #expect(rows.dropFirst().allSatisfy { $0[2].isEmpty })
        let index = String(decoding: try Data(contentsOf: site.privateFolder.appending(path: "reports/index.html")), as: UTF8.self)
        for id in ["T001", "T002", "T004", "李静", "王强"] { #expect(!index.contains(id)) }
    }
}
