/// Markdown as it stands in a content file (a theme's greeting, a letter's body, a care-menu
/// package's description), with where it starts so that rendering, which compiles it, reports
/// problems at the file's own lines.
package struct MarkdownText: Sendable, Equatable {
    package var text: String
    /// The path diagnostics name, e.g. `content/themes/dragon-boat.md`.
    package var file: String
    /// The file's line on which `text` begins (after the front matter).
    package var firstLine: Int

    package init(_ text: String, file: String, firstLine: Int) {
        self.text = text
        self.file = file
        self.firstLine = firstLine
    }
}
