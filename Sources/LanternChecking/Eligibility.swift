import LanternModel

/// Which of a theme's shop items one member may pick; themes whose tags match nothing, and
/// cities a theme's shop delivers nothing to.
/// (Which items a shop offers at all is `Compliance.exclusion`.)
package enum Eligibility {
    /// The shop items delivered to `city`. Members of the same city share this list.
    package static func items(_ shopItems: [Product], deliveredTo city: String) -> [Product] {
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

    /// Warnings for the cities where members would find a theme's shop empty: the shop has items,
    /// but each is restricted (`cities`) to other cities. One per theme and city, at the city of
    /// the first member there the theme is for. `themes` carry the audience the policy allows.
    /// A shop with no items at all is left to the other warnings (tags, budget).
    static func uncoveredCities(_ themes: [Theme], shopItems: [Slug: [Product]], roster: [Member]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for theme in themes {
            let items = shopItems[theme.slug] ?? []
            guard !items.isEmpty, !items.contains(where: { $0.cities == nil }) else { continue }
            var covered: [String: Bool] = [:]
            var uncovered: [(city: String, first: Member, count: Int)] = []
            var position: [String: Int] = [:]
            for member in roster where isFor(theme, member) {
                let city = member.city
                if covered[city] == nil { covered[city] = !self.items(items, deliveredTo: city).isEmpty }
                guard covered[city] == false else { continue }
                if let i = position[city] {
                    uncovered[i].count += 1
                } else {
                    position[city] = uncovered.count
                    uncovered.append((city, member, 1))
                }
            }
            for (city, first, count) in uncovered {
                let members = "\(count) member\(count == 1 ? "" : "s")"
                warnings.append(city.isEmpty
                    ? .warning("no item of theme `\(theme.slug)` is delivered to members without a city (\(members))",
                               at: first.cityLocation ?? first.location,
                               hint: "fill in their `city` in the roster, or leave `cities` empty on an item in the catalog to deliver it everywhere")
                    : .warning("no item of theme `\(theme.slug)` is delivered to \(city) (\(members))",
                               at: first.cityLocation ?? first.location,
                               hint: "add \(city) to the `cities` of an item in the catalog, or leave `cities` empty to deliver it everywhere"))
            }
        }
        return warnings
    }

    /// Whether members see `theme` at all: active, in its audience, and with a birthday for a
    /// birthday theme (as the audit counts them). Over the theme's whole window, not one day:
    /// the members a report counts as eligible.
    package static func isFor(_ theme: Theme, _ member: Member) -> Bool {
        guard member.status == .active, theme.audience.admits(member) else { return false }
        if case .birthday = theme.schedule { return member.birthday != nil }
        return true
    }
}
