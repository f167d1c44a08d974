/// A personal letter (电子慰问信) from `content/letters/<slug>.md`: shown only on its
/// recipients' own pages, for a hospital stay, a bereavement, a long posting abroad.
package struct Letter: Sendable {
    package var slug: Slug
    package var title: String
    package var recipients: [MemberID]
    /// The body's Markdown; rendering compiles it and fills in member variables per recipient.
    package var body: MarkdownText
    /// The letter in other languages, by locale (`content/letters/<slug>.<language>.md`).
    package var translations: [String: Translation] = [:]
    package var location: SourceLocation

    package init(slug: Slug, title: String, recipients: [MemberID], body: MarkdownText, location: SourceLocation) {
        self.slug = slug
        self.title = title
        self.recipients = recipients
        self.body = body
        self.location = location
    }

    package func title(in language: String) -> String { translations[language]?.title ?? title }
}
