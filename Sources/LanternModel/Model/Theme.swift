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
    /// The occasion's preset colours, with the front matter's `palette:` keys over them.
    package var palette: Palette
    /// The header illustration, an SVG under `templates/assets/art/` (`art:` or the preset's), or empty.
    package var art: String
    /// The preset's ornament, an SVG under `templates/assets/art/`, or empty.
    package var ornament: String
    package var tone: OccasionPreset.Tone
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

    package init(slug: Slug, title: String, occasion: Occasion? = nil, summary: String, schedule: Schedule, opens: Int, closes: Int, budget: Money, audience: Audience, tags: Set<String>, categories: [String]? = nil, palette: Palette, art: String, ornament: String = "", tone: OccasionPreset.Tone = .warm, greeting: MarkdownText, location: SourceLocation, tagsLocation: SourceLocation, budgetLocation: SourceLocation? = nil, occasionLocation: SourceLocation? = nil) {
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
        self.ornament = ornament
        self.tone = tone
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
/// `primary` fills buttons (white label) and colours links, prices and card titles; `ink` is the
/// text; `accent` only decorates (frames, rules), never text; `background` is the paper.
package struct Palette: Sendable, Hashable {
    package var primary = "#b3261e"
    package var accent = "#c9a227"
    package var background = "#fff8ec"
    package var ink = "#2b1d16"

    /// The site's own colours, which pages without a theme (portal, care menu) wear: the
    /// `:root` of `templates/assets/lantern.css` (a test holds the two together).
    package init() {}

    package init(primary: String, accent: String, background: String, ink: String) {
        (self.primary, self.accent, self.background, self.ink) = (primary, accent, background, ink)
    }

    package static let keys = ["primary", "accent", "background", "ink"]
    package static let slots: [WritableKeyPath<Palette, String> & Sendable] = [\.primary, \.accent, \.background, \.ink]

    /// The colour under `key` (one of `keys`).
    package subscript(key: String) -> String {
        get { self[keyPath: Self.slots[Self.keys.firstIndex(of: key)!]] }
        set { self[keyPath: Self.slots[Self.keys.firstIndex(of: key)!]] = newValue }
    }

    package static func isColor(_ text: String) -> Bool {
        let hex = text.dropFirst()
        return text.hasPrefix("#") && [3, 6].contains(hex.count) && hex.allSatisfy(\.isHexDigit)
    }
}
