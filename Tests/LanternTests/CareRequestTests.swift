import Foundation
import Testing
@testable import LanternLoading
@testable import LanternModel
@testable import LanternOrders
@testable import LanternPlanning

/// A member requests a care-menu package from their own page; the request goes only to the
/// collector (and later the private report), never to a shared page (issue 11).
@Suite(.serialized) struct CareRequestTests {
    static let today = "2026-06-10"

    static func form(_ member: String, package: String, note: String = "", code: String? = nil) -> String {
        let code = code ?? OrderCode.requestCode(member: MemberID(member), secret: Secret(TestSite.secret))
        let note = note.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "member=\(member)&code=\(code)&package=\(package)&note=\(note)"
    }

    static func started() throws -> (TestSite, CollectorProcess) {
        let site = try TestSite("minimal")
        try site.build(today: today)
        return (site, try CollectorProcess(site, today: today))
    }

    @Test func theFormIsOnTheMembersOwnPageOnly() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        let home = site.text("m/\(site.token("T001"))/index.html")
        #expect(home.contains("<form class=\"request-form\" method=\"post\" action=\"https://forms.example.com/requests\">"))
        let code = OrderCode.requestCode(member: MemberID("T001"), secret: Secret(TestSite.secret))
        #expect(home.contains("<input type=\"hidden\" name=\"code\" value=\"\(code)\">"))
        let packages = try SiteContent.load(site: site.site).menu
        #expect(!packages.isEmpty)
        for package in packages { #expect(home.contains("<option value=\"\(package.slug)\" lang=\"zh-CN\">\(package.title)</option>")) }
        for (path, data) in site.outputFiles() where !path.hasPrefix("m/") && path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("request-form"), "\(path)")
            #expect(!html.contains("T001"), "\(path)")
        }
    }

    @Test func aRequestIsKeptWithItsNote() async throws {
        let (_, collector) = try Self.started()
        defer { collector.stop() }
        let slug = try SiteContent.load(site: collector.site.site).menu[0].slug.rawValue
        let answer = try await collector.post(Self.form("T001", package: slug, note: "周末上午方便"), to: "/requests")
        #expect(answer.status == 200)
        #expect(answer.body.contains("回执编号 Q0000001"))
        let stored = try await collector.store().requests()
        #expect(stored.map(\.member) == ["T001"])
        #expect(stored.map(\.package) == [slug])
        #expect(stored.map(\.note) == ["周末上午方便"])
    }

    @Test func wrongRequestsAreRefused() async throws {
        let (_, collector) = try Self.started()
        defer { collector.stop() }
        let slug = try SiteContent.load(site: collector.site.site).menu[0].slug.rawValue
        let unknown = try await collector.post(Self.form("T001", package: "no-such-service"), to: "/requests", json: true)
        #expect(unknown.status == 404)
        #expect(unknown.json["reason"] as? String == Refusal.unknownPackage.rawValue)
        let otherCode = OrderCode.requestCode(member: MemberID("T002"), secret: Secret(TestSite.secret))
        let forged = try await collector.post(Self.form("T001", package: slug, code: otherCode), to: "/requests", json: true)
        #expect(forged.status == 403)
        #expect(forged.json["reason"] as? String == Refusal.badCode.rawValue)
        // An order's code does not open requests.
        let orderCode = OrderCode.code(member: MemberID("T001"), theme: Slug("dragon-boat"), secret: Secret(TestSite.secret))
        let crossed = try await collector.post(Self.form("T001", package: slug, code: orderCode), to: "/requests", json: true)
        #expect(crossed.json["reason"] as? String == Refusal.badCode.rawValue)
        let long = try await collector.post(Self.form("T001", package: slug, note: String(repeating: "长", count: 301)), to: "/requests", json: true)
        #expect(long.status == 422)
        #expect(try await collector.store().requests().isEmpty)
        #expect(try await collector.store().refusals() == [.unknownPackage: 1, .badCode: 2, .commentTooLong: 1])
    }
}
