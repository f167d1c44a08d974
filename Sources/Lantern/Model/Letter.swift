import Mustache

/// A personal letter (电子慰问信) from `content/letters/<slug>.md`: shown only on its
/// recipients' own pages, for a hospital stay, a bereavement, a long posting abroad.
public struct Letter: Sendable {
    public var slug: Slug
    public var title: String
    public var recipients: [MemberID]
    /// The body's Markdown rendered once; member variables are filled in per recipient.
    public var body: MustacheTemplate
    public var location: SourceLocation
}
