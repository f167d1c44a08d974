/// Reads a care-menu package from `content/menu/<slug>.md`.
enum MenuLoader {
    static let keys = ["title", "summary", "price", "provider", "order"]

    static func load(_ file: TextFile, slug: Slug) throws(DiagnosticsError) -> (MenuPackage, [Diagnostic]) {
        var d = Diagnostics()
        let parts = try FrontMatter.split(file)
        let yaml = try YAMLMap.parse(parts.yaml, file: file.displayPath, firstLine: parts.yamlFirstLine)
        yaml.warnUnknownKeys(keys, context: "front-matter", into: &d)
        if !Slug.isValid(slug.rawValue) {
            d.error("menu file name `\(slug).md` cannot be a URL", at: SourceLocation(file: file.displayPath),
                    hint: "rename it with lower-case letters, digits and dashes, e.g. housekeeping.md")
        }
        let title = yaml.string("title", required: true, into: &d)
        let package = MenuPackage(
            slug: slug, title: title ?? "", summary: yaml.string("summary", into: &d) ?? "",
            price: yaml.money("price", into: &d), provider: yaml.string("provider", into: &d) ?? "",
            order: yaml.int("order", in: -9999...9999, into: &d) ?? 0, bodyHTML: Markdown.html(parts.body),
            location: SourceLocation(file: file.displayPath))
        try d.throwIfErrors()
        return (package, d.warnings)
    }
}
