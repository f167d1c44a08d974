import LanternModel

/// `assets/themes.css`: one `.theme-<slug>` rule per theme with its palette, its card colour
/// (`--paper`: `--surface` over `--background`, made solid here for gradients) and its ornament as
/// CSS custom properties, and `.frame-neutral` (the neutral preset's colours) for a member page
/// whose letter keeps the frame sober. Pages carry the class instead of inline styles, which a
/// strict CSP forbids. URLs are relative to this file, in `assets/`. Each locale's `css.*`
/// strings become `--t-<key>` on `:root:lang(<language>)`, for the stylesheet's `content:`.
enum ThemeStyles {
    static func css(_ themes: [Theme], locales: [SiteLocale] = []) -> String {
        var css = "/* Written by Lantern from each theme's palette and its occasion's preset. */\n"
        css += rule(".frame-neutral", OccasionPreset.neutral.palette, ornament: "")
        for theme in themes.sorted(by: { $0.slug < $1.slug }) {
            css += rule(".theme-\(theme.slug)", theme.palette, ornament: theme.ornament)
        }
        for locale in locales.sorted(by: { $0.language < $1.language }) {
            let words = locale.strings.filter { $0.key.hasPrefix("css.") }.sorted { $0.key < $1.key }
            guard !words.isEmpty else { continue }
            // The language is a checked tag (letters, digits, `-`): an identifier as it stands.
            css += ":root:lang(\(locale.language)) { "
                + words.map { "--t-\($0.key.dropFirst(4)): \(cssString($0.value)); " }.joined() + "}\n"
        }
        return css
    }

    /// A CSS string: quotes, backslashes and line breaks escaped, and `<` too, so the text can
    /// never close a `<style>` element were the file ever inlined.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", "\n", "\r", "\u{0C}": out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func rule(_ selector: String, _ p: Palette, ornament: String) -> String {
        // Art names are file names found under templates/assets/art/; quotes and backslashes
        // would end the url() early, so such a name is left out rather than escaped.
        let url = ornament.isEmpty || ornament.contains(where: { "\"\\\n()".contains($0) }) ? "none" : "url(\"art/\(ornament)\")"
        return "\(selector) { --primary: \(p.primary); --accent: \(p.accent); --background: \(p.background); --ink: \(p.ink); "
            + "--paper: \(p.surface.hex); --ornament: \(url); }\n"
    }
}
