import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// A theme's greeting is checked against its Markdown source, so problems are reported at the
/// line of the `.md` file (after the front matter), not of the greeting alone.
@Suite struct GreetingErrorTests {
    static let theme = "content/themes/dragon-boat.md"

    static func writeGreeting(_ site: TestSite, _ edit: (String) -> String) throws {
        try site.write(theme, edit(try site.read(theme)))
    }

    @Test func rawVariableIsAnErrorAtItsPosition() throws {
        // Line 10 is `亲爱的 {{{name}}}：端午安康！`.
        let site = try TestSite("minimal", overlay: "invalid/greeting-raw-variable")
        let errors = site.failure()
        let error = try only(.error, containing: "raw variable `name`", in: errors)
        #expect(error.location == at(Self.theme, 10, 5))
        #expect(error.hint?.contains("{{name}}") == true)
        #expect(errors.count == 1)
    }

    @Test func unknownVariableWarnsWithTheClosestName() throws {
        // The minimal fixture's greeting is line 12.
        let site = try TestSite("minimal")
        try Self.writeGreeting(site) { $0.replacingOccurrences(of: "亲爱的 {{name}}", with: "亲爱的 {{nmae}}") }
        let warnings = try site.build(today: "2026-06-10").warnings
        let warning = try only(.warning, containing: "unknown greeting variable `nmae`", in: warnings)
        #expect(warning.location == at(Self.theme, 12, 5))
        #expect(warning.hint?.contains("did you mean `name`?") == true)
    }

    @Test func unclosedSectionIsReportedAtItsOpeningTag() throws {
        // `亲爱的 {{name}}：端午安康！` is 18 scalars, so `{{#department}}` starts at column 19.
        let site = try TestSite("minimal")
        try Self.writeGreeting(site) { $0.replacingOccurrences(of: "{{/department}}", with: "") }
        let error = try only(.error, containing: "template syntax error", in: site.failure())
        #expect(error.location == at(Self.theme, 12, 19))
        #expect(error.message.contains("never closed"))
    }

    @Test func syntaxErrorColumnCountsScalars() throws {
        // `亲爱的❤️ ` is six scalars (❤️ is U+2764 U+FE0F) but five Characters; the tag is at column 7.
        let site = try TestSite("minimal")
        try Self.writeGreeting(site) { $0.replacingOccurrences(of: "亲爱的 {{name}}", with: "亲爱的❤️ {{/name}}") }
        let error = try only(.error, containing: "template syntax error", in: site.failure())
        #expect(error.location == at(Self.theme, 12, 7))
    }

    @Test func syntaxErrorOnTheGreetingsFirstLine() throws {
        // Without the blank line after the front matter, the greeting starts on line 11.
        let site = try TestSite("minimal")
        try Self.writeGreeting(site) { $0.replacingOccurrences(of: "---\n\n亲爱的 {{name}}", with: "---\n亲爱的 {{/name}}") }
        let error = try only(.error, containing: "template syntax error", in: site.failure())
        #expect(error.location == at(Self.theme, 11, 5))
    }

    @Test func contentTypePragmaIsNotAllowed() throws {
        let site = try TestSite("minimal")
        try Self.writeGreeting(site) { $0.replacingOccurrences(of: "亲爱的 {{name}}", with: "亲爱的 {{% CONTENT_TYPE: TEXT }}{{name}}") }
        let error = try only(.error, containing: "pragma `{{% CONTENT_TYPE: TEXT }}` in a greeting", in: site.failure())
        #expect(error.location == at(Self.theme, 12, 5))
    }

    @Test func partialsAreNotAllowed() throws {
        let site = try TestSite("minimal")
        try Self.writeGreeting(site) { $0.replacingOccurrences(of: "亲爱的 {{name}}", with: "亲爱的 {{> partials/card}}") }
        let error = try only(.error, containing: "partials and blocks are not allowed", in: site.failure())
        #expect(error.location == at(Self.theme, 12, 5))
    }
}
