/// Reads a personal letter from `content/letters/<slug>.md` and checks its recipients.
enum LetterLoader {
    static let keys = ["title", "to"]

    static func load(_ file: TextFile, slug: Slug, roster: [MemberID: Member]) throws(DiagnosticsError) -> (Letter, [Diagnostic]) {
        var d = Diagnostics()
        let parts = try FrontMatter.split(file)
        let yaml = try YAMLMap.parse(parts.yaml, file: file.displayPath, firstLine: parts.yamlFirstLine)
        yaml.warnUnknownKeys(keys, context: "letter", into: &d)
        let title = yaml.string("title", required: true, into: &d)
        var recipients: [MemberID] = []
        if let (_, value) = yaml.entry("to") {
            let nodes = value.sequence.map(Array.init) ?? [value]
            for node in nodes {
                let id = MemberID(node.scalar?.string ?? "")
                guard let member = roster[id] else {
                    d.error("letter to unknown member id `\(id)`", at: yaml.location(of: node),
                            hint: "use ids from content/roster.csv")
                    continue
                }
                if member.status == .left {
                    d.warning("letter to `\(id)`, who has left: it will not be published", at: yaml.location(of: node))
                }
                recipients.append(id)
            }
        }
        if recipients.isEmpty && !d.hasErrors {
            d.error("missing required key `to`", at: yaml.location, hint: "list the recipients' member ids: `to: [E1001]`")
        }
        let body = Greeting.compile(parts.body, file: file.displayPath, firstLine: parts.bodyFirstLine,
                                    variables: Greeting.letterVariables, into: &d)
        try d.throwIfErrors()
        return (Letter(slug: slug, title: title!, recipients: recipients, body: body!,
                       location: SourceLocation(file: file.displayPath)), d.warnings)
    }
}
