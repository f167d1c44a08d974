/// One occasion's shop and greeting, loaded from `content/themes/<slug>.md`.
package struct Theme: Sendable {
    /// When the theme's day falls: one fixed day, or each member's own birthday.
    package enum Schedule: Sendable {
        case fixed(Day)
        case birthday
    }

    package var slug: Slug
    package var title: String
    /// The occasion the policy judges the theme by; nil for a custom `date:`.
    package var occasion: Occasion? = nil
    package var summary: String
    package var schedule: Schedule
    /// Days before the festival day the shop opens, and days after it closes.
    package var opens: Int
    package var closes: Int
    package var budget: Money
    package var audience: Audience
    package var tags: Set<String>
    /// When set, only these catalog categories are offered.
    package var categories: [String]?
    package var palette: Palette
    /// An SVG under `templates/assets/art/`, or empty.
    package var art: String
    /// The greeting's Markdown, with member variables; rendering compiles it (`Greeting`).
    package var greeting: MarkdownText
    /// The greeting in other languages, by locale (`content/themes/<slug>.<language>.md`).
    package var translations: [String: Translation] = [:]
    package var location: SourceLocation
    /// Where `tags:` stands, for warnings about tags that match nothing.
    package var tagsLocation: SourceLocation
    /// Where `budget:` and the occasion (`occasion:` or `date:`) stand, for policy errors.
    package var budgetLocation: SourceLocation? = nil
    package var occasionLocation: SourceLocation? = nil

    package init(slug: Slug, title: String, occasion: Occasion? = nil, summary: String, schedule: Schedule, opens: Int, closes: Int, budget: Money, audience: Audience, tags: Set<String>, categories: [String]? = nil, palette: Palette, art: String, greeting: MarkdownText, location: SourceLocation, tagsLocation: SourceLocation, budgetLocation: SourceLocation? = nil, occasionLocation: SourceLocation? = nil) {
        self.slug = slug
        self.title = title
        self.occasion = occasion
        self.summary = summary
        self.schedule = schedule
        self.opens = opens
        self.closes = closes
        self.budget = budget
        self.audience = audience
        self.tags = tags
        self.categories = categories
        self.palette = palette
        self.art = art
        self.greeting = greeting
        self.location = location
        self.tagsLocation = tagsLocation
        self.budgetLocation = budgetLocation
        self.occasionLocation = occasionLocation
    }

    /// The title a member reading `language` sees: the translation's when it gives one.
    package func title(in language: String) -> String { translations[language]?.title ?? title }
    package func summary(in language: String) -> String { translations[language]?.summary ?? summary }

    /// The policy key: the occasion's, or `custom` for a theme given by date alone.
    package var policyKey: String { occasion?.rawValue ?? Policy.custom }
}

/// Colours a theme gives its pages; validated `#rgb`/`#rrggbb` so they are safe inside `style`.
package struct Palette: Sendable, Equatable {
    package var primary = "#b8322a"
    package var accent = "#d9a441"
    package var background = "#fff8ef"
    package var ink = "#2b1d16"

    package init() {}

    package static let keys = ["primary", "accent", "background", "ink"]

    package static func isColor(_ text: String) -> Bool {
        let hex = text.dropFirst()
        return text.hasPrefix("#") && [3, 6].contains(hex.count) && hex.allSatisfy(\.isHexDigit)
    }
}
