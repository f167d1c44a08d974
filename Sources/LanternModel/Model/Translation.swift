/// A theme's greeting or a letter in another language, from `<slug>.<language>.md` beside the
/// Chinese file (`dragon-boat-2026.en.md`): Markdown with the same member variables, and an
/// optional front matter giving the translated `title` (and, for a theme, `summary`).
package struct Translation: Sendable {
    /// The locale it is for (`en`), as the site's locale files name it.
    package var language: String
    package var title: String?
    package var summary: String?
    package var body: MarkdownText

    package init(language: String, title: String? = nil, summary: String? = nil, body: MarkdownText) {
        self.language = language
        self.title = title
        self.summary = summary
        self.body = body
    }
}
