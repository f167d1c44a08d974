import Foundation
import LanternModel
import LanternPlanning

/// The contexts of what the site shows from its content: themes (once per language for festival
/// themes), their frame, categories, items with their pictures, care-menu packages.
extension PageContext {
    func theme(_ theme: Theme, _ locale: SiteLocale, day: Day? = nil) -> [String: Any] {
        if case .fixed(let fixed) = theme.schedule, day == nil || day == fixed,
           let cached = festivalThemes["\(theme.slug)|\(locale.language)"] {
            return cached
        }
        return makeTheme(theme, locale, day: day)
    }

    /// `date` and the window's days stay ISO (for `<time datetime>`); `*_text` are as the
    /// language writes them.
    func makeTheme(_ theme: Theme, _ locale: SiteLocale, day: Day? = nil) -> [String: Any] {
        var date = day
        if date == nil, case .fixed(let fixed) = theme.schedule { date = fixed }
        let window = date.map { theme.window(around: $0) }
        let language = locale.language
        return Context.make([
            "slug": theme.slug.rawValue, "title": Self.displayTitle(theme.title(in: language)), "summary": theme.summary(in: language),
            "text_lang": theme.translations[language] == nil ? site.language : language,
            "date": date?.description, "date_text": date.map(locale.date),
            "occasion_label": theme.schedule.isBirthday ? locale.string("occasion.birthday") : nil,
            "opens_on": window?.lowerBound.description, "closes_on": window?.upperBound.description,
            "opens_on_text": window.map { locale.date($0.lowerBound) }, "closes_on_text": window.map { locale.date($0.upperBound) },
            "window_note": date == nil ? locale.format("window.birthday", ["opens": "\(theme.opens)", "closes": "\(theme.closes)"]) : nil,
            "budget": locale.money(theme.budget), "budget_fen": theme.budget.fen,
            "audience_note": audienceNote(theme.audience, locale), "shop_url": "shop/\(theme.slug)/index.html",
            "palette": ["primary": theme.palette.primary, "accent": theme.palette.accent,
                        "background": theme.palette.background, "ink": theme.palette.ink],
            "art": theme.art, "tone": theme.tone.rawValue,
        ])
    }

    /// Who a theme is for, in a few words (`女职工`); nil for every member.
    func audienceNote(_ audience: Audience, _ locale: SiteLocale) -> String? {
        var parts: [String] = []
        if let gender = audience.gender { parts.append(locale.string(gender == .female ? "audience.female" : "audience.male")) }
        if !audience.departments.isEmpty { parts.append(audience.departments.sorted().joined(separator: locale.string("list.separator"))) }
        if !audience.tags.isEmpty { parts.append(locale.string("audience.selected")) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// A title as pages show it: a middle dot between words stays with the word before it, so
    /// a line never starts with `·` (`2026 端午安康 ·` / `粽情好礼`).
    static func displayTitle(_ title: String) -> String { title.replacingOccurrences(of: " · ", with: "\u{00A0}· ") }

    /// What the layout dresses the page in (body class, tone, the browser's theme colour): a
    /// theme's look, `soberFrame`, or none (the site's own colours, lantern.css `:root`).
    func frame(_ theme: Theme) -> [String: Any] {
        ["class": "theme-\(theme.slug)", "tone": theme.tone.rawValue, "primary": theme.palette.primary]
    }

    static var soberFrame: [String: Any] {
        ["class": "frame-neutral", "tone": OccasionPreset.Tone.sober.rawValue, "primary": OccasionPreset.neutral.palette.primary]
    }

    func categories(_ items: [Product], _ locale: SiteLocale) -> [[String: Any]] {
        var order: [String] = []
        var groups: [String: [[String: Any]]] = [:]
        for item in items {
            if groups[item.category] == nil { order.append(item.category) }
            groups[item.category, default: []].append(self.item(item, locale))
        }
        return order.enumerated().map { index, name in
            ["name": name, "anchor": "c\(index + 1)", "items": groups[name]!, "count": groups[name]!.count]
        }
    }

    func item(_ item: Product, _ locale: SiteLocale) -> [String: Any] {
        let cities = item.cities.map { $0.joined(separator: locale.string("list.separator")) }
        var context = Context.make([
            "sku": item.sku.rawValue, "name": item.name, "category": item.category,
            "price": locale.money(item.price), "price_fen": item.price.fen, "supplier": item.supplier,
            "kind": item.kind.rawValue, "kind_label": locale.string("kind.\(item.kind.rawValue)"), "description": item.description,
            "cities": cities,
            "cities_note": cities.map { locale.format("cities.only", ["cities": $0]) } ?? locale.string("cities.all"),
            "image": picture(item.image),
        ])
        if !item.extra.isEmpty { context["extra"] = item.extra }
        return context
    }

    /// An item's picture: `src`, `width` and `height` of the widest version, and every version
    /// for `srcset` (`url`, `w`, and `sep`, the comma before all but the first).
    func picture(_ image: ItemImage?) -> [String: Any]? {
        guard let versions = pictures.versions(of: image), let widest = versions.last, let smallest = versions.first else { return nil }
        // `thumb`, the smallest version alone: what a storefront's thumbnail needs, in the
        // list every storefront of the group loads (the page budget).
        return ["src": widest.path, "width": widest.width, "height": widest.height,
                "thumb": ["src": smallest.path, "width": smallest.width, "height": smallest.height],
                "srcset": versions.enumerated().map { index, version in
                    ["url": version.path, "w": version.width, "sep": index == 0 ? "" : ", "] as [String: Any]
                }]
    }

    func package(_ package: MenuPackage, url: String) -> [String: Any] {
        Context.make(["slug": package.slug.rawValue, "title": package.title, "summary": package.summary,
                      "price": package.price.map(locales[site.language]!.money), "provider": package.provider, "url": url,
                      "body_html": menuBodies[package.slug]])
    }
}
