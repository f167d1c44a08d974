/// A care-menu package (慰问菜单) from `content/menu/<slug>.md`.
package struct MenuPackage: Sendable {
    package var slug: Slug
    package var title: String
    package var summary: String
    package var price: Money?
    package var provider: String
    /// Position on the menu page; ties are broken by slug.
    package var order: Int
    /// The description's Markdown, rendered once by rendering.
    package var body: MarkdownText
    var location: SourceLocation

    package init(slug: Slug, title: String, summary: String, price: Money? = nil, provider: String, order: Int, body: MarkdownText, location: SourceLocation) {
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
