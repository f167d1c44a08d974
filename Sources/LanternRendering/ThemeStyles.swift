import LanternModel

/// `assets/themes.css`: one `.theme-<slug>` rule per theme with its palette, its card colour
/// (`--paper`: `--surface` over `--background`, made solid here for gradients) and its ornament as
/// CSS custom properties, and `.frame-neutral` (the neutral preset's colours) for a member page
/// whose letter keeps the frame sober. Pages carry the class instead of inline styles, which a
/// strict CSP forbids. URLs are relative to this file, in `assets/`.
enum ThemeStyles {
    static func css(_ themes: [Theme]) -> String {
        var css = "/* Written by Lantern from each theme's palette and its occasion's preset. */\n"
        css += rule(".frame-neutral", OccasionPreset.neutral.palette, ornament: "")
        for theme in themes.sorted(by: { $0.slug < $1.slug }) {
            css += rule(".theme-\(theme.slug)", theme.palette, ornament: theme.ornament)
        }
        return css
    }

    private static func rule(_ selector: String, _ p: Palette, ornament: String) -> String {
        // Art names are file names found under templates/assets/art/; quotes and backslashes
        // would end the url() early, so such a name is left out rather than escaped.
        let url = ornament.isEmpty || ornament.contains(where: { "\"\\\n()".contains($0) }) ? "none" : "url(\"art/\(ornament)\")"
        return "\(selector) { --primary: \(p.primary); --accent: \(p.accent); --background: \(p.background); --ink: \(p.ink); "
            + "--paper: \(p.surface.hex); --ornament: \(url); }\n"
    }
}
