import Foundation
import Crypto
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Personal data stays on the member's own pages, and with encryption on, off the host entirely.
@Suite struct PrivacyTests {
    /// The forms a string can take in a file: raw, HTML-escaped, as numeric entities,
    /// percent-encoded, and JSON-escaped.
    static func encodings(_ text: String) -> [String] {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
        let entities = text.unicodeScalars.map { "&#\($0.value);" }.joined()
        let hexEntities = text.unicodeScalars.map { "&#x\(String($0.value, radix: 16));" }.joined()
        let percent = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
        let json = text.unicodeScalars.map { $0.isASCII ? String($0) : String(format: "\\u%04x", $0.value) }.joined()
        return Array(Set([text, escaped, entities, hexEntities, percent, percent.lowercased(), json]))
    }

    static func files(_ site: TestSite) -> [(String, String)] {
        site.outputFiles().map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    }

    @Test func namesOnlyInTheirOwnFolderEmailAndPhoneNowhere() throws {
        let site = try TestSite("sample")
        try site.build(today: "2026-06-10")
        let members = try SiteContent.load(site: site.site).roster
        let files = Self.files(site)
        #expect(files.count > 100)
        for member in members {
            let own = "m/\(site.token(member.id.rawValue))/"
            for (path, text) in files {
                for form in Self.encodings(member.name) where text.contains(form) {
                    #expect(path.hasPrefix(own), "\(member.id)'s name (\(form)) in \(path)")
                }
                for value in [member.email, member.phone] where !value.isEmpty {
                    for form in Self.encodings(value) { #expect(!text.contains(form), "\(member.id)'s contact in \(path)") }
                }
            }
        }
    }

    @Test func lettersAppearOnTheirRecipientsPagesOnly() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        for (path, text) in Self.files(site) {
            #expect(text.contains("早日康复") == (path == "m/\(site.token("T002"))/index.html"), "\(path)")
        }
        let audit = try String(contentsOf: site.privateFolder.appending(path: "audit.html"), encoding: .utf8)
        #expect(audit.contains("1 封，收信人 1 人") && !audit.contains("早日康复"))
    }

    @Test func letterToAnUnknownMemberIsAnErrorAtItsId() throws {
        let site = try TestSite("minimal")
        try site.write("content/letters/get-well.md", "---\ntitle: 慰问\nto: [T002, X999]\n---\n你好\n")
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors.map(\.location) == [SourceLocation(file: "content/letters/get-well.md", line: 3, column: 12)])
    }

    @Test func cardFieldsLimitWhatAGreetingMayShow() throws {
        let site = try TestSite("minimal")
        try site.write("content/site.yaml", site.read("content/site.yaml") + "privacy:\n  card_fields: [city]\n")
        try site.build(today: "2026-06-10")
        let page = site.text("m/\(site.token("T001"))/dragon-boat/index.html")
        #expect(page.contains("亲爱的 李静") && !page.contains("研发部"))
    }

    @Test func hostFilesKeepMemberPagesPrivate() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let headers = site.text("_headers")
        #expect(headers.contains("/m/*\n  X-Robots-Tag: noindex, nofollow\n  Referrer-Policy: no-referrer\n  Cache-Control: private, no-store"))
        #expect(headers.contains("script-src 'self'; style-src 'self'"))
        #expect(headers.contains("form-action 'self' https://forms.example.com"))
        let index = site.text("m/index.html")
        #expect(index.contains("noindex") && !index.contains("<a "))
        // No inline styles or scripts anywhere, so the strict CSP holds.
        for (path, text) in Self.files(site) where path.hasSuffix(".html") {
            #expect(!text.contains(" style=\"") && !text.contains("<script>"), "\(path)")
        }
    }

    @Test func sharedListNamesAreKeyedWithTheSecret() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let lists = Set(site.outputFiles().keys.filter { $0.hasPrefix("lists/") })
        let cities = Set(try SiteContent.load(site: site.site).roster.map(\.city))
        let themes = ["dragon-boat", "birthday"]
        #expect(lists.count == 4)
        // A plain hash of theme and city, which anyone can work out for every city there is,
        // names none of them; the keyed one names each.
        for theme in themes {
            for city in cities {
                let digest = SHA256.hash(data: Data("item-group:\(theme)\n\(city)".utf8))
                #expect(!lists.contains("lists/\(theme)/\(Base32.encode(Array(digest.prefix(8)))).html"), "\(theme) \(city)")
            }
        }
        #expect(lists.isSubset(of: themes.flatMap { theme in cities.map { TestSite.itemList(theme, city: $0) } }))
        // Another secret names every list differently.
        let other = try TestSite("minimal")
        try other.build(today: "2026-06-10", secret: SecretTests.other)
        #expect(Set(other.outputFiles().keys.filter { $0.hasPrefix("lists/") }).isDisjoint(with: lists))
    }

    @Test func memberRemovedFromTheRosterLosesTheirPages() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let folder = "m/\(site.token("T003"))/"
        #expect(site.outputFiles().keys.contains { $0.hasPrefix(folder) })
        let roster = try site.read("content/roster.csv").split(separator: "\n").filter { !$0.hasPrefix("T003,") }
        try site.write("content/roster.csv", roster.joined(separator: "\n") + "\n")
        try site.build(today: "2026-06-10")
        #expect(!site.outputFiles().keys.contains { $0.hasPrefix(folder) })
    }
}

/// `privacy: { encrypt: true }`: member pages hold only AES-256-GCM ciphertext.
@Suite struct EncryptedPagesTests {
    static func encryptedSite(_ name: String = "sample") throws -> TestSite {
        let site = try TestSite(name)
        try site.write("content/site.yaml", site.read("content/site.yaml") + "privacy:\n  encrypt: true\n")
        try site.build(today: "2026-06-10")
        return site
    }

    @Test func noMemberNameAppearsInAnyFile() throws {
        let site = try Self.encryptedSite()
        let members = try SiteContent.load(site: site.site).roster
        for (path, text) in PrivacyTests.files(site) {
            for member in members {
                for form in PrivacyTests.encodings(member.name) + PrivacyTests.encodings(member.id.rawValue) where form.count > 3 {
                    #expect(!text.contains(form), "\(member.id) (\(form)) in \(path)")
                }
            }
        }
    }

    @Test func theLinkCarriesTheKeyThatOpensThePage() throws {
        let site = try Self.encryptedSite("minimal")
        let links = String(decoding: try Data(contentsOf: site.privateFolder.appending(path: "links.csv")), as: UTF8.self)
        let line = try #require(links.split(separator: "\r\n").first { $0.hasPrefix("T001,") })
        let url = String(line.split(separator: ",").last!)
        #expect(url.hasPrefix("m/\(site.token("T001"))/#k="))
        let fragment = String(url.split(separator: "=", maxSplits: 1)[1])
        #expect(fragment.count == 43)

        let html = site.text("m/\(site.token("T001"))/dragon-boat/index.html")
        #expect(html.contains("请从您的专属链接打开此页面") && !html.contains("李静"))
        let payload = try #require(HTML.attributeValues(html, tag: "div", where: "id=\"sealed\"", attribute: "data-sealed").first)
        var base64 = fragment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let key = SymmetricKey(data: try #require(Data(base64Encoded: base64)))
        let box = try AES.GCM.SealedBox(combined: try #require(Data(base64Encoded: payload)))
        let plain = String(decoding: try AES.GCM.open(box, using: key), as: UTF8.self)
        #expect(plain.contains("李静") && plain.contains("data-choices-src=\"../../../lists/dragon-boat/"))
        // Another member's key does not open it.
        let other = MemberKey.key(for: MemberID("T002"), secret: Secret(TestSite.secret))
        #expect(throws: (any Error).self) { try AES.GCM.open(box, using: other) }
    }

    @Test func encryptedBuildsAreDeterministicAndSharedPagesStayPlain() throws {
        let site = try Self.encryptedSite("minimal")
        let again = site.root.appending(path: "again")
        try site.build(today: "2026-06-10", output: again)
        #expect(site.outputFiles() == site.outputFiles(again))
        #expect(site.text("shop/dragon-boat/index.html").contains("肉粽礼盒"))
        #expect(!site.text("index.html").contains("data-sealed"))
    }
}

/// `lantern links` prints what `private/links.csv` holds, as CSV or JSON.
@Suite struct LinksCommandTests {
    @Test func linksMatchTheFileTheBuildWrote() throws {
        let site = try EncryptedPagesTests.encryptedSite("minimal")
        let options = BuildOptions(site: site.site, output: site.output, privateFolder: site.privateFolder,
                                   today: Day("2026-06-10")!, environment: ["LANTERN_SECRET": TestSite.secret])
        let csv = try Links.export(options, format: .csv)
        #expect(csv == (try Data(contentsOf: site.privateFolder.appending(path: "links.csv"))))
        let rows = try JSONSerialization.jsonObject(with: Links.export(options, format: .json)) as? [[String: String]]
        let t001 = try #require(rows?.first { $0["id"] == "T001" })
        #expect(t001["name"] == "李静" && t001["url"]?.hasPrefix("m/\(site.token("T001"))/#k=") == true)
    }

    @Test func linksNeedASecretAndNeverCreateOne() throws {
        let site = try TestSite("minimal")
        let options = BuildOptions(site: site.site, privateFolder: site.privateFolder, today: Day("2026-06-10")!, environment: [:])
        #expect(throws: DiagnosticsError.self) { try Links.export(options, format: .csv) }
        #expect(!FileManager.default.fileExists(atPath: site.privateFolder.appending(path: "secret.key").path))
    }
}
