import LanternLoading
import LanternModel
import Mustache

/// What rendering compiles from the loaded content, once per build and before any page: the
/// Mustache templates (`TemplateSet`, one per language with its strings written in:
/// `Localizer`), each theme's greeting and each letter's body in each language it is written
/// in (Markdown rendered once, member variables kept as tags: `Greeting`), and each care-menu
/// package's description as HTML. Every problem is a diagnostic at its file, line and column,
/// gathered from all files before failing.
package struct SiteTemplates: Sendable {
    /// The page templates by language; the site's language is always there.
    let localized: [String: TemplateSet]
    package let siteLanguage: String
    /// The interface strings by language; the site's language is always there (`SiteContent`
    /// refuses a site without its locale file).
    package let locales: [String: SiteLocale]
    let greetings: [Slug: Localized<MustacheTemplate>]
    let letters: [Slug: Localized<MustacheTemplate>]
    package let menuBodies: [Slug: String]
    /// Unknown variables in greetings and letters (they render empty).
    package let warnings: [Diagnostic]

    /// The templates in the site's language.
    package var pages: TemplateSet { localized[siteLanguage]! }

    /// The templates for a page in `language`.
    func pages(_ language: String) -> TemplateSet { localized[language] ?? pages }

    package static func compile(_ content: SiteContent) throws(DiagnosticsError) -> SiteTemplates {
        var d = Diagnostics()
        let siteLanguage = content.config.language
        let locales = content.locales
        // The templates as written are checked first, so diagnostics stand where their authors
        // look; the localized sets can then fail only on what a string brought in.
        Localizer.check(content.templates, locales: content.locales, into: &d)
        var localized: [String: TemplateSet] = [:]
        do {
            _ = try TemplateSet.compile(content.templates, sealing: content.config.encrypt)
            for locale in locales {
                localized[locale.language] = try TemplateSet.compile(Localizer.localize(content.templates, locale),
                                                                      sealing: content.config.encrypt)
            }
        } catch {
            d.append(contentsOf: error.diagnostics)
        }
        var greetings: [Slug: Localized<MustacheTemplate>] = [:]
        for theme in content.themes {
            greetings[theme.slug] = compile(theme.greeting, theme.translations, variables: Greeting.variables, into: &d)
        }
        var letters: [Slug: Localized<MustacheTemplate>] = [:]
        for letter in content.letters {
            letters[letter.slug] = compile(letter.body, letter.translations, variables: Greeting.letterVariables, into: &d)
        }
        let menuBodies = Dictionary(content.menu.map { ($0.slug, Markdown.html($0.body.text)) }, uniquingKeysWith: { a, _ in a })
        try d.throwIfErrors()
        return SiteTemplates(localized: localized, siteLanguage: siteLanguage,
                             locales: Dictionary(locales.map { ($0.language, $0) }, uniquingKeysWith: { a, _ in a }),
                             greetings: greetings, letters: letters, menuBodies: menuBodies, warnings: d.all)
    }

    private static func compile(_ markdown: MarkdownText, _ translations: [String: Translation], variables: [String],
                                into d: inout Diagnostics) -> Localized<MustacheTemplate>? {
        guard let base = compile(markdown, variables: variables, into: &d) else { return nil }
        var localized = Localized(base)
        for (language, translation) in translations {
            localized.byLanguage[language] = compile(translation.body, variables: variables, into: &d)
        }
        return localized
    }

    private static func compile(_ markdown: MarkdownText, variables: [String], into d: inout Diagnostics) -> MustacheTemplate? {
        Greeting.compile(markdown.text, file: markdown.file, firstLine: markdown.firstLine, variables: variables, into: &d)
    }
}

/// A text as written (the site's language) and its translations by language.
struct Localized<Value: Sendable>: Sendable {
    var base: Value
    var byLanguage: [String: Value] = [:]

    init(_ base: Value) { self.base = base }

    /// The translation into `language`, or the text as written when there is none.
    func value(in language: String) -> Value { byLanguage[language] ?? base }
}
