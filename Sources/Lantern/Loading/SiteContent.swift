import Foundation

/// Everything a site folder holds, loaded and checked for syntax; the first stage of a build.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var themes: [Theme]
    public var menu: [MenuPackage]
    public var letters: [Letter]
    public var catalog: [Product]
    public var roster: [Member]
    public var policy: Policy
    public var templates: TemplateSet
    /// Files under `templates/assets/`, copied to `public/assets/` as they are.
    public var assets: [URL]
    public var assetsFolder: URL
    public var warnings: [Diagnostic]

    /// Loads every input, gathering the problems of all files before failing.
    public static func load(site: URL) throws(DiagnosticsError) -> SiteContent {
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
        let catalog = read("content/catalog.csv", .spreadsheet).flatMap { f in attempt { () throws(DiagnosticsError) in try CatalogLoader.load(f) } }
        let roster = read("content/roster.csv", .spreadsheet).flatMap { f in attempt { () throws(DiagnosticsError) in try RosterLoader.load(f) } }
        let templates = attempt { () throws(DiagnosticsError) in try TemplateSet.load(from: site.appending(path: "templates"), displayPrefix: "templates",
                                                                                     sealing: config?.0.encrypt ?? false) }
        let assetsFolder = site.appending(path: "templates/assets")
        let assets = SiteFiles.all(assetsFolder)
        let artNames = Set(assets.filter { $0.deletingLastPathComponent().lastPathComponent == "art" }.map(\.lastPathComponent))

        var themes: [Theme] = []
        for url in SiteFiles.list(site.appending(path: "content/themes"), extension: "md") {
            let slug = Slug(url.deletingPathExtension().lastPathComponent)
            guard let file = read("content/themes/\(url.lastPathComponent)"),
                  let (theme, warnings) = attempt({ () throws(DiagnosticsError) in
                      try ThemeLoader.load(file, slug: slug, artExists: { artNames.contains($0) }) })
            else { continue }
            themes.append(theme)
            d.append(contentsOf: warnings)
        }
        var menu: [MenuPackage] = []
        for url in SiteFiles.list(site.appending(path: "content/menu"), extension: "md") {
            guard let file = read("content/menu/\(url.lastPathComponent)"),
                  let (package, warnings) = attempt({ () throws(DiagnosticsError) in
                      try MenuLoader.load(file, slug: Slug(url.deletingPathExtension().lastPathComponent)) })
            else { continue }
            menu.append(package)
            d.append(contentsOf: warnings)
        }
        var letters: [Letter] = []
        let members = Dictionary((roster?.members ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for url in SiteFiles.list(site.appending(path: "content/letters"), extension: "md") where roster != nil {
            guard let file = read("content/letters/\(url.lastPathComponent)"),
                  let (letter, warnings) = attempt({ () throws(DiagnosticsError) in
                      try LetterLoader.load(file, slug: Slug(url.deletingPathExtension().lastPathComponent), roster: members) })
            else { continue }
            letters.append(letter)
            d.append(contentsOf: warnings)
        }
        if let config { d.append(contentsOf: config.1) }
        if let catalog { d.append(contentsOf: catalog.warnings) }
        if let roster { d.append(contentsOf: roster.warnings) }
        if let policy { d.append(contentsOf: policy.1) }
        try d.throwIfErrors()
        return SiteContent(config: config!.0, themes: themes, menu: menu.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }, letters: letters,
                           catalog: catalog!.products, roster: roster!.members, policy: policy!.0, templates: templates!, assets: assets,
                           assetsFolder: assetsFolder.standardizedFileURL, warnings: d.all)
    }
}
