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
        let assetsFolder = site.appending(path: "templates/assets")
        let assets = SiteFiles.all(assetsFolder)
        let artNames = Set(assets.filter { $0.deletingLastPathComponent().lastPathComponent == "art" }.map(\.lastPathComponent))

        /// The pages of a content folder, read from exactly the files `ContentFolder` found.
        func pages(_ folder: String, kind: String, example: String) -> [(ContentFolder.Page, TextFile)] {
            let (pages, diagnostics) = ContentFolder.pages(in: site.appending(path: folder), displayPath: folder, kind: kind, example: example)
            d.append(contentsOf: diagnostics)
            return pages.compactMap { page in read(page.displayPath).map { (page, $0) } }
        }

        var themes: [Theme] = []
        for (page, file) in pages("content/themes", kind: "theme", example: "dragon-boat-2026.md") {
            guard let (theme, warnings) = attempt({ () throws(DiagnosticsError) in
                try ThemeLoader.load(file, slug: page.slug, artExists: { artNames.contains($0) }) }) else { continue }
            themes.append(theme)
            d.append(contentsOf: warnings)
        }
        var menu: [MenuPackage] = []
        for (page, file) in pages("content/menu", kind: "menu", example: "housekeeping.md") {
            guard let (package, warnings) = attempt({ () throws(DiagnosticsError) in try MenuLoader.load(file, slug: page.slug) })
            else { continue }
            menu.append(package)
            d.append(contentsOf: warnings)
        }
        var letters: [Letter] = []
        let members = Dictionary((roster?.members ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let letterPages = pages("content/letters", kind: "letter", example: "get-well.md")
        for (page, file) in letterPages where roster != nil {
            guard let (letter, warnings) = attempt({ () throws(DiagnosticsError) in
                try LetterLoader.load(file, slug: page.slug, roster: members) }) else { continue }
            letters.append(letter)
            d.append(contentsOf: warnings)
        }
        if let config { d.append(contentsOf: config.1) }
        if let catalog { d.append(contentsOf: catalog.warnings) }
        if let roster { d.append(contentsOf: roster.warnings) }
        if let policy { d.append(contentsOf: policy.1) }
        try d.throwIfErrors()
        return SiteContent(config: config!.0, themes: themes, menu: menu.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }, letters: letters,
                           catalog: catalog!.products, roster: roster!.members, policy: policy!.0, templates: templates, assets: assets,
                           assetsFolder: assetsFolder.standardizedFileURL, warnings: d.all)
    }
}
