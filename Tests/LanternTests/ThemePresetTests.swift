import Foundation
import Testing
@testable import Lantern
@testable import LanternLoading
@testable import LanternModel
@testable import LanternRendering

/// A theme wears its occasion's preset with no other key; `palette:` (any subset) and `art:`
/// override; preset art the site's templates lack is left out with a warning; an author's
/// palette below WCAG AA is a warning at the key to change (issue 12).
@Suite struct ThemePresetTests {
    static let theme = "content/themes/dragon-boat.md"

    static func themes(_ site: TestSite) throws -> [String: Theme] {
        let content = try SiteContent.load(site: site.site)
        return Dictionary(uniqueKeysWithValues: content.themes.map { ($0.slug.rawValue, $0) })
    }

    static func edit(_ site: TestSite, _ file: String = theme, _ change: (String) -> String) throws {
        try site.write(file, change(try site.read(file)))
    }

    @Test func aThemeWearsItsOccasionsPresetWithNoOtherKey() throws {
        let site = try TestSite("minimal")
        let themes = try Self.themes(site)
        for (slug, occasion) in [("dragon-boat", Occasion.dragonBoat), ("womens-day", .womensDay), ("birthday", .birthday)] {
            let theme = try #require(themes[slug])
            #expect(theme.palette == occasion.preset.palette, "\(slug)")
            #expect(theme.art == "\(occasion.rawValue).svg" && theme.ornament == "\(occasion.rawValue)-ornament.svg", "\(slug)")
            #expect(theme.tone == occasion.preset.tone, "\(slug)")
        }
        try site.build(today: "2026-06-10")
        let css = site.text("assets/themes.css")
        #expect(css.contains(".theme-dragon-boat { --primary: #1f6f5c; --accent: #d9a441; --background: #f6f1e3; --ink: #1d2a26; "
                             + "--paper: #fcfaf5; --ornament: url(\"art/dragon-boat-ornament.svg\"); }"))
        #expect(css.contains(".frame-neutral { --primary: #3d5a80;"))
        let shop = site.text("shop/dragon-boat/index.html")
        #expect(shop.contains("<img class=\"page-art\" src=\"../../assets/art/dragon-boat.svg\" alt=\"\" width=\"320\" height=\"120\">"))
        #expect(site.outputFiles()["assets/art/dragon-boat-ornament.svg"] != nil)
    }

    @Test func paletteKeysAndArtOverrideThePreset() throws {
        let site = try TestSite("minimal")
        try site.write("templates/assets/art/our-boat.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try Self.edit(site) { $0.replacingOccurrences(of: "tags: [dragon-boat]", with: "tags: [dragon-boat]\npalette:\n  primary: \"#0b5345\"\nart: our-boat.svg") }
        let theme = try #require(try Self.themes(site)["dragon-boat"])
        var expected = Occasion.dragonBoat.preset.palette
        expected.primary = "#0b5345"
        #expect(theme.palette == expected)
        #expect(theme.art == "our-boat.svg" && theme.ornament == "dragon-boat-ornament.svg")
        let warnings = try site.build(today: "2026-06-10").warnings
        #expect(!warnings.contains { $0.message.contains("palette") || $0.message.contains("art") })
        #expect(site.text("shop/dragon-boat/index.html").contains("src=\"../../assets/art/our-boat.svg\""))
        // `art:` with no value leaves the illustration out; the ornament stays.
        try Self.edit(site) { $0.replacingOccurrences(of: "art: our-boat.svg", with: "art:") }
        #expect(try Self.themes(site)["dragon-boat"]?.art == "")
    }

    @Test func aThemeGivenByDateWearsTheNeutralPreset() throws {
        let site = try TestSite("minimal")
        try Self.edit(site) { $0.replacingOccurrences(of: "occasion: dragon-boat\nyear: 2026", with: "date: 2026-06-19") }
        let theme = try #require(try Self.themes(site)["dragon-boat"])
        #expect(theme.palette == OccasionPreset.neutral.palette && theme.art == "default.svg" && theme.tone == .warm)
    }

    /// The site's own templates folder may predate the presets: the page leaves the art out and
    /// the build says which files to copy, once per theme, at its `occasion:`.
    @Test func missingPresetArtIsLeftOutWithOneWarning() throws {
        let site = try TestSite("minimal")
        for file in ["dragon-boat.svg", "dragon-boat-ornament.svg"] {
            try FileManager.default.removeItem(at: site.site.appending(path: "templates/assets/art/\(file)"))
        }
        let warnings = try site.build(today: "2026-06-10").warnings
        let warning = try only(.warning, containing: "preset's art is missing", in: warnings)
        #expect(warning.message == "the dragon-boat preset's art is missing: templates/assets/art/dragon-boat.svg and "
                + "templates/assets/art/dragon-boat-ornament.svg; the pages show none")
        #expect(warning.location == at(Self.theme, 3, 1))
        #expect(warning.hint?.contains("copy them from Lantern's sample site") == true)
        #expect(!site.text("shop/dragon-boat/index.html").contains("page-art"))
        #expect(!site.text("m/\(site.token("T002"))/index.html").contains("dragon-boat.svg"))
        #expect(site.text("assets/themes.css").contains(".theme-dragon-boat {") && !site.text("assets/themes.css").contains("dragon-boat-ornament"))
    }

    /// Art the author named is different: a missing one is an error, as before.
    @Test func missingArtTheAuthorNamedIsAnError() throws {
        let site = try TestSite("minimal")
        try Self.edit(site) { $0.replacingOccurrences(of: "tags: [dragon-boat]", with: "tags: [dragon-boat]\nart: boat.svg") }
        let error = try only(.error, containing: "art `boat.svg` does not exist", in: site.failure())
        #expect(error.location == at(Self.theme, 9, 6))
    }

    /// The birthday palette the sample had (4.07–4.35:1) is a warning at `primary:`, with a
    /// darker colour that passes; the other keys, which pass, say nothing.
    @Test func anAuthorsPaletteBelowAAWarnsAtTheKey() throws {
        let site = try TestSite("minimal")
        try Self.edit(site, "content/themes/birthday.md") {
            $0.replacingOccurrences(of: "tags: [birthday]", with: "tags: [birthday]\npalette:\n  primary: \"#c8553d\"\n  background: \"#fff6ec\"")
        }
        let warnings = try site.build(today: "2026-06-10").warnings
        let warning = try only(.warning, containing: "below WCAG AA", in: warnings)
        #expect(warning.location == at("content/themes/birthday.md", 9, 3))
        #expect(warning.message.hasPrefix("palette `primary` #c8553d is below WCAG AA contrast"))
        for pair in ["button labels and the page header (white) on `primary` 4.35:1 (needs 4.5)",
                     "links, prices and titles (`primary`) on the page (`background`) 4.07:1 (needs 4.5)"] {
            #expect(warning.message.contains(pair), "\(pair)")
        }
        let hint = try #require(warning.hint)
        let suggested = try #require(hint.split(separator: "\"").dropFirst().first.map(String.init))
        var fixed = Occasion.birthday.preset.palette
        (fixed.primary, fixed.background) = (suggested, "#fff6ec")
        #expect(fixed.shortfalls().isEmpty, "the hint's \(suggested) must pass")
        #expect(hint.hasSuffix("or remove `primary` to keep the birthday preset's #b2432b"))
    }

    @Test func aLightBackgroundUnderLightInkWarnsAtTheBackground() throws {
        let site = try TestSite("minimal")
        try Self.edit(site) { $0.replacingOccurrences(of: "tags: [dragon-boat]", with: "tags: [dragon-boat]\npalette:\n  background: \"#6a8a80\"") }
        let warning = try only(.warning, containing: "below WCAG AA", in: try site.build(today: "2026-06-10").warnings)
        #expect(warning.location == at(Self.theme, 10, 3))
        #expect(warning.message.hasPrefix("palette `background` #6a8a80"))
        #expect(warning.message.contains("text (`ink`) on the page (`background`)"))
    }
}
