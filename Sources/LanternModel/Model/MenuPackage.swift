/// A care-menu package (慰问菜单) from `content/menu/<slug>.md`.
public struct MenuPackage: Sendable {
    public var slug: Slug
    public var title: String
    public var summary: String
    public var price: Money?
    public var provider: String
    /// Position on the menu page; ties are broken by slug.
    public var order: Int
    /// The description's Markdown, rendered once by rendering.
    public var body: MarkdownText
    var location: SourceLocation

    public init(slug: Slug, title: String, summary: String, price: Money? = nil, provider: String, order: Int, body: MarkdownText, location: SourceLocation) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.price = price
        self.provider = provider
        self.order = order
        self.body = body
        self.location = location
    }
}
