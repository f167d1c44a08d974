import Mustache

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
    /// The greeting's Markdown rendered once to HTML, compiled as a Mustache template that fills
    /// in member variables (escaped) per member.
    public var greeting: MustacheTemplate
    public var location: SourceLocation
    /// Where `tags:` stands, for warnings about tags that match nothing.
    public var tagsLocation: SourceLocation
    /// Where `budget:` and the occasion (`occasion:` or `date:`) stand, for policy errors.
    public var budgetLocation: SourceLocation? = nil
    public var occasionLocation: SourceLocation? = nil

    /// The policy key: the occasion's, or `custom` for a theme given by date alone.
    public var policyKey: String { occasion?.rawValue ?? Policy.custom }
}

/// Colours a theme gives its pages; validated `#rgb`/`#rrggbb` so they are safe inside `style`.
public struct Palette: Sendable, Equatable {
    public var primary = "#b8322a"
    public var accent = "#d9a441"
    public var background = "#fff8ef"
    public var ink = "#2b1d16"

    public static let keys = ["primary", "accent", "background", "ink"]

    public static func isColor(_ text: String) -> Bool {
        let hex = text.dropFirst()
        return text.hasPrefix("#") && [3, 6].contains(hex.count) && hex.allSatisfy(\.isHexDigit)
    }
}
