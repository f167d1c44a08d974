import LanternModel

/// Reads `<slug>.<language>.md`, a theme's greeting or a letter in another language: Markdown,
/// optionally after a front matter with the translated `title` (and a theme's `summary`).
/// Everything else (dates, budget, audience, recipients) is the Chinese file's alone.
enum TranslationLoader {
    static let themeKeys = YAMLKeys("translation", ["title": .value, "summary": .value])
    static let letterKeys = YAMLKeys("translation", ["title": .value])

    static func load(_ file: TextFile, language: String, keys: YAMLKeys) throws(DiagnosticsError) -> (Translation, [Diagnostic]) {
        let startsWithFrontMatter = file.text.split(separator: "\n", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) == "---"
        guard startsWithFrontMatter else {
            return (Translation(language: language, body: MarkdownText(file.text, file: file.displayPath, firstLine: 1)), [])
        }
        let parts = try FrontMatter.split(file)
        var r = try YAMLReader(parts.yaml, file: file.displayPath, firstLine: parts.yamlFirstLine, keys: keys)
        let title = r.string("title")
        let summary = keys.names.contains("summary") ? r.string("summary") : nil
        let warnings = try r.finish()
        return (Translation(language: language, title: title, summary: summary,
                            body: MarkdownText(parts.body, file: file.displayPath, firstLine: parts.bodyFirstLine)), warnings)
    }
}
