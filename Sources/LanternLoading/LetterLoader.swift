import LanternModel

/// Reads a personal letter from `content/letters/<slug>.md` and checks its recipients.
enum LetterLoader {
    static let keys = YAMLKeys("letter", ["title": .value, "to": .list])

    /// Loads a letter; the file name (`slug`) is checked by `ContentFolder`.
    static func load(_ file: TextFile, slug: Slug, roster: [MemberID: Member]) throws(DiagnosticsError) -> (Letter, [Diagnostic]) {
        let parts = try FrontMatter.split(file)
        var r = try YAMLReader(parts.yaml, file: file.displayPath, firstLine: parts.yamlFirstLine, keys: keys)
        let title = r.string("title", required: true)
        var recipients: [MemberID] = []
        let to = r.listItems("to")
        for (text, location) in to ?? [] {
            let id = MemberID(text)
            guard let member = roster[id] else {
                r.error("letter to unknown member id `\(id)`", at: location, hint: "use ids from content/roster.csv")
                continue
            }
            if member.status == .left {
                r.warning("letter to `\(id)`, who has left: it will not be published", at: location)
            }
            recipients.append(id)
        }
        if to?.isEmpty ?? (r.root.entry("to") == nil) {
            r.error("missing required key `to`", at: r.root.location, hint: "list the recipients' member ids: `to: [E1001]`")
        }
        let warnings = try r.finish()
        return (Letter(slug: slug, title: title!, recipients: recipients, body: MarkdownText(parts.body, file: file.displayPath, firstLine: parts.bodyFirstLine),
                       location: SourceLocation(file: file.displayPath)), warnings)
    }
}
