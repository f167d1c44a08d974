/// Reads `content/themes/<slug>.md`: YAML front matter for the shop, Markdown for the greeting.
enum ThemeLoader {
    static let keys = ["title", "occasion", "year", "date", "opens", "closes", "budget", "audience", "tags",
                       "categories", "summary", "palette", "art"]
    static let audienceKeys = ["gender", "departments", "tags"]

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
        if tags.isEmpty {
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
        let theme = Theme(slug: slug, title: title!, occasion: schedule!.1, summary: yaml.string("summary", into: &d) ?? "",
                          schedule: schedule!.0,
                          opens: opens, closes: closes, budget: budget!, audience: audience, tags: Set(tags),
                          categories: yaml.stringList("categories", into: &d), palette: palette, art: art,
                          greeting: greeting!, location: SourceLocation(file: path, line: 1, column: 1),
                          tagsLocation: yaml.keyLocation("tags"), budgetLocation: yaml.keyLocation("budget"),
                          occasionLocation: yaml.keyLocation(yaml.entry("occasion") != nil ? "occasion" : "date"))
        return (theme, d.warnings)
    }

    /// `occasion:` + `year:` (the calendar knows the day), `occasion: birthday`, or a custom `date:`.
    private static func schedule(_ yaml: YAMLMap, _ d: inout Diagnostics) -> (Theme.Schedule, Occasion?)? {
        guard let name = yaml.string("occasion", into: &d) else {
            guard yaml.entry("date") != nil else {
                d.error("missing `occasion` and `year`, or `date`", at: yaml.location,
                        hint: "add e.g. `occasion: dragon-boat` and `year: 2026`; or `date: YYYY-MM-DD` for a custom occasion")
                return nil
            }
            return yaml.day("date", into: &d).map { (.fixed($0), nil) }
        }
        let at = yaml.location(of: yaml.entry("occasion")!.value)
        guard let occasion = Occasion(rawValue: name) else {
            let known = Occasion.allCases.map(\.rawValue)
            d.error("unknown occasion `\(name)`", at: at,
                    hint: Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
                        ?? "known occasions: \(known.joined(separator: ", ")); or give a custom `date:` instead")
            return nil
        }
        if yaml.entry("date") != nil {
            d.error("give either `occasion` or `date`, not both", at: yaml.keyLocation("date"),
                    hint: "remove `date`: the calendar knows the day of \(name)")
            return nil
        }
        if occasion == .birthday { return (.birthday, occasion) }
        guard let year = yaml.int("year", in: 1...9999, into: &d) else {
            if yaml.entry("year") == nil {
                d.error("missing required key `year`", at: yaml.location, hint: "add `year: 2026`: the year of the \(name) festival")
            }
            return nil
        }
        do {
            guard let day = try occasion.day(in: year) else { return nil }
            return (.fixed(day), occasion)
        } catch {
            d.error("\(error)", at: yaml.location(of: yaml.entry("year")!.value), hint: "use a year the calendar covers")
            return nil
        }
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
