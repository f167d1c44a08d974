import LanternLoading
import LanternModel
import Mustache

/// What rendering compiles from the loaded content, once per build and before any page: the
/// Mustache templates (`TemplateSet`), each theme's greeting and each letter's body (Markdown
/// rendered once, member variables kept as tags: `Greeting`), and each care-menu package's
/// description as HTML. Every problem is a diagnostic at its file, line and column, gathered
/// from all files before failing.
package struct SiteTemplates: Sendable {
    package let pages: TemplateSet
    let greetings: [Slug: MustacheTemplate]
    let letters: [Slug: MustacheTemplate]
    package let menuBodies: [Slug: String]
    /// Unknown variables in greetings and letters (they render empty).
    package let warnings: [Diagnostic]

    package static func compile(_ content: SiteContent) throws(DiagnosticsError) -> SiteTemplates {
        var d = Diagnostics()
        var pages: TemplateSet?
        do { pages = try TemplateSet.compile(content.templates, sealing: content.config.encrypt) } catch {
            d.append(contentsOf: error.diagnostics)
        }
        var greetings: [Slug: MustacheTemplate] = [:]
        for theme in content.themes {
            greetings[theme.slug] = compile(theme.greeting, variables: Greeting.variables, into: &d)
        }
        var letters: [Slug: MustacheTemplate] = [:]
        for letter in content.letters {
            letters[letter.slug] = compile(letter.body, variables: Greeting.letterVariables, into: &d)
        }
        let menuBodies = Dictionary(content.menu.map { ($0.slug, Markdown.html($0.body.text)) }, uniquingKeysWith: { a, _ in a })
        try d.throwIfErrors()
        return SiteTemplates(pages: pages!, greetings: greetings, letters: letters, menuBodies: menuBodies, warnings: d.all)
    }

    private static func compile(_ markdown: MarkdownText, variables: [String], into d: inout Diagnostics) -> MustacheTemplate? {
        Greeting.compile(markdown.text, file: markdown.file, firstLine: markdown.firstLine, variables: variables, into: &d)
    }
}
