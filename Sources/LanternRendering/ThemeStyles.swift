import LanternModel

/// `assets/themes.css`: one `.theme-<slug>` rule per theme with its palette as CSS custom
/// properties. Pages carry the class instead of inline styles, which a strict CSP forbids.
enum ThemeStyles {
    static func css(_ themes: [Theme]) -> String {
        var css = "/* Written by Lantern from each theme's palette. */\n"
        for theme in themes.sorted(by: { $0.slug < $1.slug }) {
            let p = theme.palette
            css += ".theme-\(theme.slug) { --primary: \(p.primary); --accent: \(p.accent); "
                + "--background: \(p.background); --ink: \(p.ink); }\n"
        }
        return css
    }
}
