/// One occasion's shop and greeting, loaded from `content/themes/<slug>.md`.
public struct Theme: Sendable {
    /// When the theme's day falls: one fixed day, or each member's own birthday.
    public enum Schedule: Sendable {
        case fixed(Day)
        case birthday
    }

    public var slug: Slug
    public var title: String
    /// The occasion the policy judges the theme by; nil for a custom `date:`.
    public var occasion: Occasion? = nil
    public var summary: String
    public var schedule: Schedule
    /// Days before the festival day the shop opens, and days after it closes.
    public var opens: Int
    public var closes: Int
    public var budget: Money
    public var audience: Audience
    public var tags: Set<String>
    /// When set, only these catalog categories are offered.
    public var categories: [String]?
    public var palette: Palette
    /// An SVG under `templates/assets/art/`, or empty.
    public var art: String
    /// The greeting's Markdown, with member variables; rendering compiles it (`Greeting`).
    public var greeting: MarkdownText
    public var location: SourceLocation
    /// Where `tags:` stands, for warnings about tags that match nothing.
    public var tagsLocation: SourceLocation
    /// Where `budget:` and the occasion (`occasion:` or `date:`) stand, for policy errors.
    public var budgetLocation: SourceLocation? = nil
    public var occasionLocation: SourceLocation? = nil

    public init(slug: Slug, title: String, occasion: Occasion? = nil, summary: String, schedule: Schedule, opens: Int, closes: Int, budget: Money, audience: Audience, tags: Set<String>, categories: [String]? = nil, palette: Palette, art: String, greeting: MarkdownText, location: SourceLocation, tagsLocation: SourceLocation, budgetLocation: SourceLocation? = nil, occasionLocation: SourceLocation? = nil) {
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

    /// The policy key: the occasion's, or `custom` for a theme given by date alone.
    public var policyKey: String { occasion?.rawValue ?? Policy.custom }
}

/// Colours a theme gives its pages; validated `#rgb`/`#rrggbb` so they are safe inside `style`.
public struct Palette: Sendable, Equatable {
    public var primary = "#b8322a"
    public var accent = "#d9a441"
    public var background = "#fff8ef"
    public var ink = "#2b1d16"

    public init() {}

    public static let keys = ["primary", "accent", "background", "ink"]

    public static func isColor(_ text: String) -> Bool {
        let hex = text.dropFirst()
        return text.hasPrefix("#") && [3, 6].contains(hex.count) && hex.allSatisfy(\.isHexDigit)
    }
}
