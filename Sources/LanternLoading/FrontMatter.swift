import LanternModel

/// Splits a Markdown file into its YAML front matter (between `---` lines) and its body.
struct FrontMatter {
    var yaml: String
    /// The file line on which the YAML's first line stands, so YAML positions map back to the file.
    var yamlFirstLine: Int
    var body: String
    /// The file line on which the body's first line stands.
    var bodyFirstLine: Int

    static func split(_ file: TextFile) throws(DiagnosticsError) -> FrontMatter {
        // A CRLF break is the single Character "\r\n", which splitting on "\n" alone would not find.
        let lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            throw DiagnosticsError([.error("missing front matter", at: SourceLocation(file: file.displayPath),
                hint: "start the file with a line `---`, the YAML keys (title, …), and another `---`")])
        }
        guard let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw DiagnosticsError([.error("front matter is not closed", at: SourceLocation(file: file.displayPath),
                hint: "end the YAML front matter with a line `---`")])
        }
        return FrontMatter(yaml: lines[1..<end].joined(separator: "\n"), yamlFirstLine: 2,
                           body: lines[(end + 1)...].joined(separator: "\n"), bodyFirstLine: end + 2)
    }
}
