/// Which catalog items a theme offers, and which of them one member may pick.
public enum Eligibility {
    /// The theme's shop: active, in-stock items carrying one of the theme's tags, within its
    /// budget and (when the theme names categories) in one of them. Catalog order is kept.
    public static func shopItems(for theme: Theme, in catalog: [Product]) -> [Product] {
        catalog.filter { item in
            item.active && item.isInStock && item.price <= theme.budget
                && !item.tags.isDisjoint(with: theme.tags)
                && (theme.categories.map { $0.contains(item.category) } ?? true)
        }
    }

    /// The shop items delivered to `city`. Members of the same city share this list.
    public static func items(_ shopItems: [Product], deliveredTo city: String) -> [Product] {
        shopItems.filter { $0.isAvailable(in: city) }
    }

    /// Warnings for themes whose tags match no catalog item at all.
    static func emptyThemes(_ themes: [Theme], catalog: [Product]) -> [Diagnostic] {
        themes.compactMap { theme in
            guard !catalog.contains(where: { !$0.tags.isDisjoint(with: theme.tags) }) else { return nil }
            let known = Set(catalog.flatMap(\.tags)).sorted()
            return .warning("theme `\(theme.slug)` tags \(theme.tags.sorted()) match no catalog item",
                            at: theme.tagsLocation,
                            hint: known.isEmpty ? "the catalog has no tags" : "catalog tags: \(known.joined(separator: ", "))")
        }
    }
}
