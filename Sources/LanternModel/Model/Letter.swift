/// A personal letter (电子慰问信) from `content/letters/<slug>.md`: shown only on its
/// recipients' own pages, for a hospital stay, a bereavement, a long posting abroad.
public struct Letter: Sendable {
    public var slug: Slug
    public var title: String
    public var recipients: [MemberID]
    /// The body's Markdown; rendering compiles it and fills in member variables per recipient.
    public var body: MarkdownText
    var location: SourceLocation

    public init(slug: Slug, title: String, recipients: [MemberID], body: MarkdownText, location: SourceLocation) {
        self.slug = slug
        self.title = title
        self.recipients = recipients
        self.body = body
        self.location = location
    }
}
