import LanternModel

/// Reads a care-menu package from `content/menu/<slug>.md`.
enum MenuLoader {
    static let keys = YAMLKeys("front-matter", ["title": .value, "summary": .value, "price": .value, "provider": .value, "order": .value])

    /// Loads a package; the file name (`slug`) is checked by `ContentFolder`.
    static func load(_ file: TextFile, slug: Slug) throws(DiagnosticsError) -> (MenuPackage, [Diagnostic]) {
        let parts = try FrontMatter.split(file)
        var r = try YAMLReader(parts.yaml, file: file.displayPath, firstLine: parts.yamlFirstLine, keys: keys)
        let title = r.string("title", required: true)
        let summary = r.string("summary") ?? ""
        let price = r.money("price")
        let provider = r.string("provider") ?? ""
        let order = r.int("order", range: -9999...9999) ?? 0
        let warnings = try r.finish()
        let package = MenuPackage(slug: slug, title: title ?? "", summary: summary, price: price, provider: provider,
                                  order: order, body: MarkdownText(parts.body, file: file.displayPath, firstLine: parts.bodyFirstLine), location: SourceLocation(file: file.displayPath))
        return (package, warnings)
    }
}
