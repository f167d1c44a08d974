import LanternModel

/// Which of a theme's shop items one member may pick, and themes whose tags match nothing.
/// (Which items a shop offers at all is `Compliance.exclusion`.)
public enum Eligibility {
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
