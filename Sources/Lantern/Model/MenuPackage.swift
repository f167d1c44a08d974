/// A care-menu package (慰问菜单) from `content/menu/<slug>.md`.
public struct MenuPackage: Sendable {
    public var slug: Slug
    public var title: String
    public var summary: String
    public var price: Money?
    public var provider: String
    /// Position on the menu page; ties are broken by slug.
    public var order: Int
    public var bodyHTML: String
    public var location: SourceLocation
}
