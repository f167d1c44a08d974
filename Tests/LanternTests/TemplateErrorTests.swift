import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Template mistakes are reported at the `{{` of the tag at fault in `templates/…`, with 1-based
/// columns that count Unicode scalars (as everywhere else), whatever the line endings.
@Suite struct TemplateErrorTests {
    static let shop = "templates/shop.mustache"

    @Test func unclosedSectionIsReportedAtItsOpeningTag() throws {
        // Line 4 is `<section>{{#categories}}`; swift-mustache only notices at the end of the file.
        let site = try TestSite("minimal", overlay: "invalid/template-unclosed-section")
        let errors = site.failure()
        let error = try only(.error, containing: "template syntax error", in: errors)
        #expect(error.location == at(Self.shop, 4, 10))
        #expect(error.message.contains("never closed"))
        #expect(error.hint?.contains("{{/categories}}") == true)
        #expect(errors.count == 1)
    }

    @Test func mismatchedCloseTagIsReportedAtTheTag() throws {
        // Line 5 is `<ul>{{#items}}<li>{{name}}</li>{{/item}}</ul>`: `{{/item}}` starts at column 32.
        let site = try TestSite("minimal", overlay: "invalid/template-mismatched-close")
        let errors = site.failure()
        let error = try only(.error, containing: "template syntax error", in: errors)
        #expect(error.location == at(Self.shop, 5, 32))
        #expect(error.message.contains("does not match"))
        #expect(errors.count == 1)
    }

    @Test func columnsCountScalarsAndLinesEndInCRLF() throws {
        // ❤️ is one Character but two scalars (U+2764 U+FE0F); the line breaks are CRLF.
        let site = try TestSite("minimal")
        let lines = ["{{! shop }}", "<main>", "{{#categories}}", "<h2>{{name}}</h2>",
                     "<ul>❤️{{#items}}<li>{{name}}</li>{{/item}}</ul>", "{{/categories}}", "</main>", ""]
        try site.write(Self.shop, lines.joined(separator: "\r\n"))
        let error = try only(.error, containing: "template syntax error", in: site.failure())
        #expect(error.location == at(Self.shop, 5, 34))
    }

    @Test func unfinishedTagIsReportedAtTheTag() throws {
        let site = try TestSite("minimal")
        try site.write(Self.shop, "<main>\n<h1>礼品 {{{page_title}}</h1>\n</main>\n")
        let error = try only(.error, containing: "template syntax error", in: site.failure())
        #expect(error.location == at(Self.shop, 2, 8))
        #expect(error.message.contains("not finished"))
    }

    /// Lantern parses each template after a line of its own (`MustacheHTML.pragma`); errors on
    /// the first line are still at that line and column of the file.
    @Test(arguments: [
        ("<h1>{{/page_title}}</h1>\n", 5, "does not match"),
        ("❤️<h1>{{{page_title}}</h1>\r\n", 7, "not finished"),
        ("{{#categories}}<h2>{{name}}</h2>\n", 1, "never closed"),
    ])
    func errorOnTheFirstLineIsReportedAtItsColumn(text: String, column: Int, message: String) throws {
        let site = try TestSite("minimal")
        try site.write(Self.shop, text)
        let error = try only(.error, containing: "template syntax error", in: site.failure())
        #expect(error.location == at(Self.shop, 1, column))
        #expect(error.message.contains(message))
    }

    /// Lantern sets the content type of every template; `HTML` would bring back the library's
    /// escaping, `TEXT` none at all.
    @Test(arguments: ["HTML", "TEXT", MustacheHTML.contentTypeName])
    func contentTypePragmaIsRefused(type: String) throws {
        let site = try TestSite("minimal")
        try site.write(Self.shop, "{{! shop }}\n<main>{{% CONTENT_TYPE: \(type) }}\n<h1>{{page_title}}</h1>\n</main>\n")
        let errors = site.failure()
        let error = try only(.error, containing: "pragma `{{% CONTENT_TYPE: \(type) }}` in a template", in: errors)
        #expect(error.location == at(Self.shop, 2, 7))
        #expect(errors.count == 1)
    }

    @Test func missingPartialIsReportedAtTheTag() throws {
        // Line 4: `<div class="item-grid">{{#items}}  {{> partials/nope}}…`, the partial tag at column 36.
        let site = try TestSite("minimal", overlay: "invalid/missing-partial")
        let errors = site.failure()
        let error = try only(.error, containing: "partial `partials/nope` does not exist", in: errors)
        #expect(error.location == at(Self.shop, 4, 36))
        #expect(errors.count == 1)
    }

    @Test func failedBuildLeavesTheOutputUntouched() throws {
        let site = try TestSite("minimal")
        let errors = try expectFailedBuildLeavesOutputUntouched(site) { try $0.apply(overlay: "invalid/template-mismatched-close") }
        #expect(errors.map(\.location) == [at(Self.shop, 5, 32)])
    }
}
