import Foundation
import LanternModel

/// Everything a site folder holds, loaded and checked for syntax; the first stage of a build.
package struct SiteContent: Sendable {
    package var config: SiteConfig
    package var themes: [Theme]
    package var menu: [MenuPackage]
    package var letters: [Letter]
    package var catalog: [Product]
    package var roster: [Member]
    package var policy: Policy
    /// The interface strings of each language, from `templates/locales/<language>.yaml`.
    package var locales: [SiteLocale] = []
    /// Every `templates/**/*.mustache`, read but not compiled: rendering compiles them.
    package var templates: [TemplateFile]
    /// Files under `templates/assets/`, copied to `public/assets/` as they are.
    package var assets: [URL]
    package var assetsFolder: URL
    package var warnings: [Diagnostic]

    /// Loads every input, gathering the problems of all files before failing. `digests`: the
    /// item pictures' digests by path under the site, when the caller has them (a build does):
    /// then only their headers are read.
    package static func load(site: URL, digests: [String: String] = [:]) throws(DiagnosticsError) -> SiteContent {
        let site = site.absoluteURL.standardizedFileURL
        var d = Diagnostics()
        func read(_ relative: String, _ encodings: TextFile.Encodings = .utf8) -> TextFile? {
            do { return try TextFile.read(site.appending(path: relative), displayPath: relative, encodings: encodings) } catch {
                d.append(contentsOf: error.diagnostics)
                return nil
            }
        }
        func attempt<T>(_ body: () throws(DiagnosticsError) -> T) -> T? {
            do { return try body() } catch { d.append(contentsOf: error.diagnostics); return nil }
        }

        let config = read("content/site.yaml").flatMap { f in attempt { () throws(DiagnosticsError) in try SiteConfigLoader.load(f) } }
        let policy = config.flatMap { c in read("content/\(c.0.policy)") }.flatMap { f in attempt { () throws(DiagnosticsError) in try PolicyLoader.load(f) } }
        let catalog = read("content/catalog.csv", .spreadsheet).flatMap { f in attempt { () throws(DiagnosticsError) in try CatalogLoader.load(f, images: ItemImageFolder(site: site, digests: digests)) } }
        let roster = read("content/roster.csv", .spreadsheet).flatMap { f in attempt { () throws(DiagnosticsError) in try RosterLoader.load(f) } }
        let templates = TemplateFiles.read(site.appending(path: "templates"), displayPrefix: "templates", into: &d)
        var named: [String] = []
        let locales = LocaleLoader.read(site.appending(path: "templates/locales"), siteLanguage: config?.0.language ?? "zh-CN",
                                        found: &named, into: &d)
        let languages = locales.map(\.language)
        // A locale file with errors is reported as such, not again as missing.
        let localesFailed = named.count != locales.count
        let assetsFolder = site.appending(path: "templates/assets")
        let assets = SiteFiles.all(assetsFolder)
        let artNames = Set(assets.filter { $0.deletingLastPathComponent().lastPathComponent == "art" }.map(\.lastPathComponent))

        /// The pages of a content folder, read from exactly the files `ContentFolder` found.
        func pages(_ folder: String, kind: String, example: String) -> [(ContentFolder.Page, TextFile)] {
            let (pages, diagnostics) = ContentFolder.pages(in: site.appending(path: folder), displayPath: folder, kind: kind, example: example)
            d.append(contentsOf: diagnostics)
            return pages.compactMap { page in read(page.displayPath).map { (page, $0) } }
        }

        /// `<slug>.<language>.md` files of a folder, by slug; a language without a locale file, or
        /// a translation of no page, is an error at the file.
        func translations(_ all: [(ContentFolder.Page, TextFile)], keys: YAMLKeys) -> [Slug: [String: Translation]] {
            let slugs = Set(all.filter { $0.0.language == nil }.map(\.0.slug))
            var found: [Slug: [String: Translation]] = [:]
            for (page, file) in all {
                guard let requested = page.language else { continue }
                guard let language = named.first(where: { $0.lowercased() == requested.lowercased() }) else {
                    d.error("`\(page.displayPath)` is in `\(requested)`, which has no locale file", at: SourceLocation(file: page.displayPath),
                            hint: languages.isEmpty ? "add templates/locales/\(requested).yaml" : "name it for one of: \(languages.joined(separator: ", ")), or add templates/locales/\(requested).yaml")
                    continue
                }
                guard slugs.contains(page.slug) else {
                    d.error("`\(page.displayPath)` translates `\(page.slug).md`, which does not exist", at: SourceLocation(file: page.displayPath),
                            hint: "a translation sits beside its Chinese file with the same name: \(page.slug).md and \(page.slug).\(language).md")
                    continue
                }
                guard let (translation, warnings) = attempt({ () throws(DiagnosticsError) in
                    try TranslationLoader.load(file, language: language, keys: keys) }) else { continue }
                found[page.slug, default: [:]][language] = translation
                d.append(contentsOf: warnings)
            }
            return found
        }

        var themes: [Theme] = []
        let themePages = pages("content/themes", kind: "theme", example: "dragon-boat-2026.md")
        let themeTranslations = translations(themePages, keys: TranslationLoader.themeKeys)
        for (page, file) in themePages where page.language == nil {
            guard let (theme, warnings) = attempt({ () throws(DiagnosticsError) in
                try ThemeLoader.load(file, slug: page.slug, artExists: { artNames.contains($0) }) }) else { continue }
            var translated = theme
            translated.translations = themeTranslations[theme.slug] ?? [:]
            themes.append(translated)
            d.append(contentsOf: warnings)
        }
        var menu: [MenuPackage] = []
        for (page, file) in pages("content/menu", kind: "menu", example: "housekeeping.md") {
            // Care-menu pages are shared, in the site's language.
            guard page.language == nil else {
                d.error("`\(page.displayPath)`: care-menu pages are shared pages, in the site's language only", at: SourceLocation(file: page.displayPath),
                        hint: "remove the translation, or change `language:` in content/site.yaml")
                continue
            }
            guard let (package, warnings) = attempt({ () throws(DiagnosticsError) in try MenuLoader.load(file, slug: page.slug) })
            else { continue }
            menu.append(package)
            d.append(contentsOf: warnings)
        }
        var letters: [Letter] = []
        let members = Dictionary((roster?.members ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let letterPages = pages("content/letters", kind: "letter", example: "get-well.md")
        let letterTranslations = translations(letterPages, keys: TranslationLoader.letterKeys)
        for (page, file) in letterPages where roster != nil && page.language == nil {
            guard let (letter, warnings) = attempt({ () throws(DiagnosticsError) in
                try LetterLoader.load(file, slug: page.slug, roster: members) }) else { continue }
            var translated = letter
            translated.translations = letterTranslations[letter.slug] ?? [:]
            letters.append(translated)
            d.append(contentsOf: warnings)
        }
        if let config, !named.contains(config.0.language) {
            d.error("the site's language `\(config.0.language)` has no locale file", at: SourceLocation(file: "content/site.yaml"),
                    hint: languages.isEmpty ? "add templates/locales/\(config.0.language).yaml: copy the one of Lantern's sample site and adjust its wording"
                                            : "set `language:` to one of \(languages.joined(separator: ", ")), or add templates/locales/\(config.0.language).yaml")
        }
        let matched = roster.map { loaded in
            (members: Self.matchLanguages(loaded.members, locales: localesFailed ? [] : languages, site: config?.0.language ?? "zh-CN", into: &d), warnings: loaded.warnings)
        }
        if let config { d.append(contentsOf: config.1) }
        if let catalog { d.append(contentsOf: catalog.warnings) }
        if let roster { d.append(contentsOf: roster.warnings) }
        if let policy { d.append(contentsOf: policy.1) }
        try d.throwIfErrors()
        return Self(config: config!.0, themes: themes, menu: menu.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }, letters: letters,
                           catalog: catalog!.products, roster: matched!.members, policy: policy!.0, locales: locales, templates: templates, assets: assets,
                           assetsFolder: assetsFolder.standardizedFileURL, warnings: d.all)
    }

    /// Each member's `language` as the locale that serves it (`en-US` → `en`); a language no
    /// locale serves is a warning, once per value, and those members read the site's language.
    static func matchLanguages(_ members: [Member], locales: [String], site: String, into d: inout Diagnostics) -> [Member] {
        guard !locales.isEmpty else { return members }
        var warned: Set<String> = []
        return members.map { member in
            var member = member
            if let match = LanguageMatch.match(member.language, in: locales) {
                member.language = match
            } else {
                if warned.insert(member.language).inserted {
                    d.warning("language `\(member.language)` has no locale file: these members read \(site) pages",
                              at: member.languageLocation ?? member.location,
                              hint: "use one of \(locales.joined(separator: ", ")), or add templates/locales/\(member.language).yaml")
                }
                member.language = site
            }
            return member
        }
    }
}
