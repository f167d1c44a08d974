/// Markdown as it stands in a content file (a theme's greeting, a letter's body, a care-menu
/// package's description), with where it starts so that rendering, which compiles it, reports
/// problems at the file's own lines.
public struct MarkdownText: Sendable, Equatable {
    public var text: String
    /// The path diagnostics name, e.g. `content/themes/dragon-boat.md`.
    public var file: String
    /// The file's line on which `text` begins (after the front matter).
    public var firstLine: Int

    public init(_ text: String, file: String, firstLine: Int) {
        self.text = text
        self.file = file
        self.firstLine = firstLine
    }
}
