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

/// With `privacy.encrypt: true` a member page is its layout around a sealed part, rendered
/// apart (`TemplateSet+Sealing.swift`): whatever the layout looks like, the member's data is
/// encrypted, or the build fails. Nothing depends on finding a string in the HTML.
@Suite struct SealedPagesTests {
    static let today = "2026-06-10"

    /// The sample site with encryption on, after `edit` changed its templates.
    static func site(_ edit: (TestSite) throws -> Void = { _ in }) throws -> TestSite {
        let site = try TestSite("sample")
        try site.write("content/site.yaml", site.read("content/site.yaml") + "privacy:\n  encrypt: true\n")
        try edit(site)
        return site
    }

    static func replace(_ site: TestSite, _ file: String, _ old: String, _ new: String) throws {
        let text = try site.read(file)
        try #require(text.contains(old), "\(file) has no `\(old)`")
        try site.write(file, text.replacingOccurrences(of: old, with: new))
    }

    /// `file:line:column` of the first `needle` in the site's `file`.
    static func location(of needle: String, in site: TestSite, _ file: String) throws -> LanternModel.SourceLocation {
        let text = try site.read(file)
        let before = try #require(text.range(of: needle).map { text[..<$0.lowerBound] }, "no `\(needle)` in \(file)")
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return at(file, lines.count, lines.last!.unicodeScalars.count + 1)
    }

    static let mainTag = "<main id=\"main\">\n{{$content}}{{/content}}\n</main>"

    /// Layouts and templates that change where and how the member part stands; each builds.
    static let shapes: [(name: String, edit: @Sendable (TestSite) throws -> Void)] = [
        ("main with another attribute first", { try replace($0, "templates/layout.mustache", "<main id=\"main\">", "<main class=\"wrap\" id=\"main\">") }),
        ("main written otherwise", { try replace($0, "templates/layout.mustache", "<main id=\"main\">", "<MAIN  id='main' >") }),
        ("no main at all", { try replace($0, "templates/layout.mustache", mainTag, "<div class=\"body\">\n{{$content}}{{/content}}\n</div>") }),
        ("the block deeper, with a closing tag in a comment",
         { try replace($0, "templates/layout.mustache", mainTag, "<main id=\"main\"><!-- </main> -->\n<section>{{$content}}{{/content}}</section>\n</main>") }),
        ("a layout between page and base layout", { site in
            try site.write("templates/member-layout.mustache", "{{<layout}}{{$head}}<meta name=\"x-member\" content=\"1\">{{/head}}{{/layout}}\n")
            try replace(site, "templates/member.mustache", "{{<layout}}", "{{<member-layout}}")
            try replace(site, "templates/member.mustache", "{{/layout}}", "{{/member-layout}}")
        }),
    ]

    @Test(arguments: shapes.indices)
    func everyShapeOfLayoutEncryptsTheMembersData(index: Int) throws {
        let (name, edit) = Self.shapes[index]
        let site = try Self.site(edit)
        try site.build(today: Self.today)
        let content = try SiteContent.load(site: site.site)
        let files = PrivacyTests.files(site)
        #expect(files.count > 100)
        for (path, text) in files {
            for member in content.roster {
                for form in PrivacyTests.encodings(member.name) + PrivacyTests.encodings(member.id.rawValue) where form.count > 3 {
                    #expect(!text.contains(form), "\(name): \(member.id) (\(form)) in \(path)")
                }
            }
        }
        // Every member page holds its member's part, which opens with the member's key.
        var opened = 0
        for member in content.roster {
            let folder = "m/\(site.token(member.id.rawValue))/"
            for (path, text) in files where path.hasPrefix(folder) {
                let payload = try #require(HTML.attributeValues(text, tag: "div", where: "id=\"sealed\"", attribute: "data-sealed").first,
                                           "\(name): \(path) has no sealed part")
                let box = try AES.GCM.SealedBox(combined: try #require(Data(base64Encoded: payload)))
                let key = MemberKey.key(for: member.id, secret: Secret(TestSite.secret))
                let plain = String(decoding: try AES.GCM.open(box, using: key), as: UTF8.self)
                let hello = member.language == "en" ? "Hello, \(MustacheHTML.escape(member.name))" : "\(MustacheHTML.escape(member.name))，您好"
                #expect(plain.contains(hello), "\(name): \(path)")
                #expect(!plain.contains("<html") && !plain.contains("site-footer"), "\(name): the part holds the layout")
                opened += 1
            }
        }
        #expect(opened == 47 + 47 + 6)
    }

    /// Templates that would show member data outside the sealed part: each is an error at the
    /// tag, and the build publishes nothing (`expectFailedBuildLeavesOutputUntouched`).
    static let leaks: [(file: String, old: String, new: String, tag: String)] = [
        ("templates/layout.mustache", "<title>", "<title>{{member.name}} · ", "{{member.name}}"),
        ("templates/layout.mustache", "{{$head}}{{/head}}", "{{$head}}{{/head}}\n<meta name=\"description\" content=\"{{{greeting_html}}}\">", "{{{greeting_html}}}"),
        ("templates/layout.mustache", "<footer class=\"site-footer\">", "<footer class=\"site-footer\">\n{{#first(cards)}}<p>有礼品</p>{{/first(cards)}}", "{{#first(cards)}}"),
        ("templates/member.mustache", "{{$title}}{{page_title}}", "{{$title}}{{member.name}} · {{page_title}}", "{{member.name}}"),
        ("templates/storefront.mustache", "<script src=\"{{root}}assets/lantern.js\" defer></script>",
         "<script src=\"{{root}}assets/lantern.js\" defer></script>\n<link rel=\"prefetch\" href=\"{{items_url}}\">", "{{items_url}}"),
        ("templates/storefront.mustache", "page-storefront{{/page_class}}", "page-storefront {{#order}}id-{{member_id}}{{/order}}{{/page_class}}", "{{#order}}"),
    ]

    @Test(arguments: leaks.indices)
    func memberDataOutsideTheSealedPartIsAnErrorAtItsTag(index: Int) throws {
        let leak = Self.leaks[index]
        let site = try Self.site()
        let diagnostics = try expectFailedBuildLeavesOutputUntouched(site) { try Self.replace($0, leak.file, leak.old, leak.new) }
        let error = try only(.error, containing: "would show member data outside the encrypted part", in: diagnostics)
        #expect(error.location == (try Self.location(of: leak.tag, in: site, leak.file)))
        #expect(error.message.hasPrefix(leak.tag))
        #expect(error.hint?.contains("Move it into the {{$content}} block") == true)
        // Without encryption the same templates build: member pages may show member data.
        try site.write("content/site.yaml", site.read("content/site.yaml").replacingOccurrences(of: "encrypt: true", with: "encrypt: false"))
        try site.build(today: Self.today)
    }

    @Test func aPartialTheLayoutIncludesIsCheckedToo() throws {
        let site = try Self.site()
        let diagnostics = try expectFailedBuildLeavesOutputUntouched(site) { site in
            try site.write("templates/partials/who.mustache", "<p>\n{{#member}}{{name}}{{/member}}\n</p>\n")
            try Self.replace(site, "templates/layout.mustache", "<p>{{site.union}}</p>", "<p>{{site.union}}</p>\n{{> partials/who}}")
        }
        let error = try only(.error, containing: "would show member data", in: diagnostics)
        #expect(error.location == at("templates/partials/who.mustache", 2, 1))
    }

    /// Pages whose member part cannot be told apart: the build fails, nothing is published.
    static let unsealable: [(name: String, message: String, location: LanternModel.SourceLocation, edit: @Sendable (TestSite) throws -> Void)] = [
        ("a member page without a layout", "templates/member.mustache does not inherit a layout", at("templates/member.mustache", 1, 1),
         { try $0.write("templates/member.mustache", "<!doctype html>\n<title>{{page_title}}</title>\n<h1>{{member.name}}</h1>\n") }),
        ("a layout without a content block", "templates/layout.mustache has no {{$content}} block", at("templates/layout.mustache", 1, 1),
         { try replace($0, "templates/layout.mustache", "{{$content}}{{/content}}", "") }),
        ("the block only inside a section the home page lacks", "shows the {{$content}} block of member pages 0 times",
         at("templates/layout.mustache", 1, 1),
         { try replace($0, "templates/layout.mustache", mainTag, "<main id=\"main\">\n{{#theme}}{{$content}}{{/content}}{{/theme}}\n</main>") }),
        ("the block twice", "shows the {{$content}} block of member pages 2 times", at("templates/layout.mustache", 1, 1),
         { try replace($0, "templates/layout.mustache", mainTag, mainTag + "\n<aside>{{$content}}{{/content}}</aside>") }),
        ("changed delimiters", "set-delimiter tag in a template", at("templates/member.mustache", 2, 1),
         { site in try site.write("templates/member.mustache", "{{! x }}\n{{=<% %>=}}\n" + (try site.read("templates/member.mustache"))
             .replacingOccurrences(of: "{{", with: "<%").replacingOccurrences(of: "}}", with: "%>")) }),
    ]

    @Test(arguments: unsealable.indices)
    func aPageThatCannotBeSealedFailsTheBuild(index: Int) throws {
        let (name, message, location, edit) = Self.unsealable[index]
        let site = try Self.site()
        let diagnostics = try expectFailedBuildLeavesOutputUntouched(site, breaking: edit)
        let error = try only(.error, containing: message, in: diagnostics)
        #expect(error.location == location, "\(name)")
    }

    /// A birthday theme's date and window are the member's birthday: outside the sealed part,
    /// a member page sees the theme as its public shop shows it.
    @Test func theShellShowsNoBirthday() throws {
        let site = try Self.site {
            try Self.replace($0, "templates/layout.mustache", "<title>", "<title>{{theme.date}}|{{theme.opens_on}}|{{theme.closes_on}}|{{theme.title}}|")
        }
        try site.build(today: Self.today)
        let checked = try CheckedSite.check(SiteContent.load(site: site.site))
        let plan = SitePlan.make(checked, today: Day(Self.today)!, secret: Secret(TestSite.secret))
        var birthdays = 0
        for member in plan.members {
            for card in member.cards where card.theme.schedule.isBirthday {
                birthdays += 1
                let window: ClosedRange<Day> = card.theme.window(around: card.day)
                let page = site.text(member.folder + "\(card.theme.slug)/index.html")
                #expect(page.contains("<title>|||生日"), "\(member.member.id)")
                for day in [card.day, window.lowerBound, window.upperBound] {
                    #expect(!page.contains(day.description), "\(member.member.id)'s \(day) in clear")
                }
            }
        }
        #expect(birthdays == 6)
        // A festival's date is the same for everyone, and shows.
        let festival = try #require(plan.members.first?.cards.first { !$0.theme.schedule.isBirthday })
        #expect(site.text(plan.members[0].folder + "\(festival.theme.slug)/index.html").contains("<title>\(festival.day)|"))
    }

    /// Every key a member page's context has is either shown outside the sealed part or the
    /// member's own: a key added later must be put in one of the two.
    @Test func everyMemberPageKeyIsSharedOrPersonal() throws {
        let checked = try CheckedSite.check(SiteContent.load(site: TestSite.repository))
        let plan = SitePlan.make(checked, today: Day(Self.today)!, secret: Secret(TestSite.secret))
        let renderer = Renderer(site: checked, templates: try SiteTemplates.compile(checked.content), today: Day(Self.today)!,
                                secret: Secret(TestSite.secret))
        #expect(PageContext.shellKeys.isDisjoint(with: PageContext.personalKeys))
        var keys = Set<String>()
        for member in plan.members { for page in member.pages { keys.formUnion(renderer.contexts.context(for: page).keys) } }
        #expect(keys.subtracting(PageContext.shellKeys.union(PageContext.personalKeys)) == [])
        #expect(keys.isSuperset(of: PageContext.personalKeys))
    }

    @Test func stencilsAndMustacheSealTheSameBytes() throws {
        let site = try Self.site()
        try site.build(today: Self.today)
        let plain = site.root.appending(path: "mustache")
        try site.build(today: Self.today, output: plain, stencils: false)
        #expect(site.outputFiles() == site.outputFiles(plain))
    }
}
