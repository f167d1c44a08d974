/// Reads `content/themes/<slug>.md`: YAML front matter for the shop, Markdown for the greeting.
enum ThemeLoader {
    static let keys = ["title", "date", "occasion", "opens", "closes", "budget", "audience", "tags",
                       "categories", "summary", "palette", "art"]
    static let audienceKeys = ["gender", "departments", "tags"]
    /// Occasions that set the date per member rather than in the theme.
    static let personalOccasions = ["birthday"]

    static func load(_ file: TextFile, slug: Slug, artExists: (String) -> Bool) throws(DiagnosticsError) -> (Theme, [Diagnostic]) {
        var d = Diagnostics()
        let path = file.displayPath
        let parts = try FrontMatter.split(file)
        let yaml = try YAMLMap.parse(parts.yaml, file: path, firstLine: parts.yamlFirstLine)
        yaml.warnUnknownKeys(keys, context: "front-matter", into: &d)

        if !Slug.isValid(slug.rawValue) {
            d.error("theme file name `\(slug).md` cannot be a URL", at: SourceLocation(file: path),
                    hint: "rename it with lower-case letters, digits and dashes, e.g. dragon-boat-2026.md")
        }
        let title = yaml.string("title", required: true, into: &d)
        let schedule = self.schedule(yaml, &d)
        let opens = yaml.int("opens", in: 0...366, into: &d) ?? 7
        let closes = yaml.int("closes", in: 0...366, into: &d) ?? 3
        let budget = yaml.money("budget", required: true, into: &d)
        let audience = self.audience(yaml, &d)
        let tags = yaml.stringList("tags", into: &d) ?? []
        if yaml.entry("tags") != nil && tags.isEmpty || yaml.entry("tags") == nil {
            d.error("missing required key `tags`", at: yaml.keyLocation("tags"),
                    hint: "name the catalog tags this shop offers, e.g. `tags: [dragon-boat]`")
        }
        let palette = self.palette(yaml, &d)
        let art = yaml.string("art", into: &d) ?? ""
        if !art.isEmpty && !artExists(art) {
            d.error("art `\(art)` does not exist", at: yaml.location(of: yaml.entry("art")!.value),
                    hint: "put the SVG in templates/assets/art/ or remove the `art` line")
        }
        let greeting = Greeting.compile(parts.body, file: path, firstLine: parts.bodyFirstLine, into: &d)
        try d.throwIfErrors()
        let theme = Theme(slug: slug, title: title!, summary: yaml.string("summary", into: &d) ?? "", schedule: schedule!,
                          opens: opens, closes: closes, budget: budget!, audience: audience, tags: Set(tags),
                          categories: yaml.stringList("categories", into: &d), palette: palette, art: art,
                          greeting: greeting!, location: SourceLocation(file: path, line: 1, column: 1),
                          tagsLocation: yaml.keyLocation("tags"))
        return (theme, d.warnings)
    }

    private static func schedule(_ yaml: YAMLMap, _ d: inout Diagnostics) -> Theme.Schedule? {
        if let occasion = yaml.string("occasion", into: &d) {
            guard personalOccasions.contains(occasion) else {
                d.error("unknown occasion `\(occasion)`", at: yaml.location(of: yaml.entry("occasion")!.value),
                        hint: "use `occasion: birthday`, or give the festival day as `date: YYYY-MM-DD`")
                return nil
            }
            return .birthday
        }
        guard yaml.entry("date") != nil else {
            d.error("missing required key `date`", at: yaml.location,
                    hint: "add `date: YYYY-MM-DD` (the festival day) or `occasion: birthday`")
            return nil
        }
        return yaml.day("date", into: &d).map { .fixed($0) }
    }

    private static func audience(_ yaml: YAMLMap, _ d: inout Diagnostics) -> Audience {
        guard let map = yaml.map("audience", into: &d) else { return Audience() }
        map.warnUnknownKeys(audienceKeys, context: "audience", into: &d)
        var audience = Audience()
        if let text = map.string("gender", into: &d), !text.isEmpty {
            audience.gender = Member.Gender(rawValue: text.uppercased())
            if audience.gender == nil {
                d.error("unknown gender `\(text)`", at: map.location(of: map.entry("gender")!.value), hint: "use F or M")
            }
        }
        audience.departments = Set(map.stringList("departments", into: &d) ?? [])
        audience.tags = Set(map.stringList("tags", into: &d) ?? [])
        return audience
    }

    private static func palette(_ yaml: YAMLMap, _ d: inout Diagnostics) -> Palette {
        var palette = Palette()
        guard let map = yaml.map("palette", into: &d) else { return palette }
        map.warnUnknownKeys(Palette.keys, context: "palette", into: &d)
        let slots: [WritableKeyPath<Palette, String>] = [\.primary, \.accent, \.background, \.ink]
        for (key, slot) in zip(Palette.keys, slots) {
            guard let value = map.string(key, into: &d) else { continue }
            if Palette.isColor(value) {
                palette[keyPath: slot] = value
            } else {
                d.error("bad colour `\(value)` for `\(key)`", at: map.location(of: map.entry(key)!.value),
                        hint: "write a hex colour in quotes, e.g. \"#1f6f5c\"")
            }
        }
        return palette
    }
}
