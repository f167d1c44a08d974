import LanternModel

/// Reads `content/themes/<slug>.md`: YAML front matter for the shop, Markdown for the greeting.
enum ThemeLoader {
    static let audienceKeys = YAMLKeys("audience", ["gender": .value, "departments": .list, "tags": .list])
    static let paletteKeys = YAMLKeys("palette", ["primary": .value, "accent": .value, "background": .value, "ink": .value])
    static let keys = YAMLKeys("front-matter", [
        "title": .value, "occasion": .value, "year": .value, "date": .value, "opens": .value, "closes": .value,
        "budget": .value, "audience": .group(audienceKeys), "tags": .list, "categories": .list, "summary": .value,
        "palette": .group(paletteKeys), "art": .value,
    ])

    /// Loads a theme; the file name (`slug`) is checked by `ContentFolder`.
    static func load(_ file: TextFile, slug: Slug, artExists: (String) -> Bool) throws(DiagnosticsError) -> (Theme, [Diagnostic]) {
        let path = file.displayPath
        let parts = try FrontMatter.split(file)
        var r = try YAMLReader(parts.yaml, file: path, firstLine: parts.yamlFirstLine, keys: keys)
        let title = r.string("title", required: true)
        let schedule = self.schedule(&r)
        let opens = r.int("opens", range: 0...366) ?? 7
        let closes = r.int("closes", range: 0...366) ?? 3
        let budget = r.money("budget", required: true)
        if budget == .zero {
            r.warning("budget is 0: members can choose nothing", at: r.root.valueLocation("budget"),
                      hint: "give the yuan per member, e.g. `budget: 200`")
        }
        let audience = self.audience(&r)
        let tags = r.list("tags")
        if tags?.isEmpty ?? (r.root.entry("tags") == nil) {
            r.error("missing required key `tags`", at: r.root.keyLocation("tags"),
                    hint: "name the catalog tags this shop offers, e.g. `tags: [dragon-boat]`")
        }
        let categories = r.list("categories")
        let summary = r.string("summary") ?? ""
        let preset = OccasionPreset.of(schedule?.1)
        let palette = self.palette(&r, preset: preset)
        let (art, ornament) = self.art(&r, preset: preset, artExists: artExists)
        let yaml = r.root
        let warnings = try r.finish()
        let theme = Theme(slug: slug, title: title!, occasion: schedule!.1, summary: summary,
                          schedule: schedule!.0,
                          opens: opens, closes: closes, budget: budget!, audience: audience, tags: Set(tags ?? []),
                          categories: categories, palette: palette, art: art, ornament: ornament, tone: preset.tone,
                          greeting: MarkdownText(parts.body, file: path, firstLine: parts.bodyFirstLine), location: SourceLocation(file: path, line: 1, column: 1),
                          tagsLocation: yaml.keyLocation("tags"), budgetLocation: yaml.keyLocation("budget"),
                          occasionLocation: yaml.keyLocation(yaml.entry("occasion") != nil ? "occasion" : "date"))
        return (theme, warnings)
    }

    /// `occasion:` + `year:` (the calendar knows the day), `occasion: birthday`, or a custom `date:`.
    private static func schedule(_ r: inout YAMLReader) -> (Theme.Schedule, Occasion?)? {
        let yaml = r.root
        guard let name = r.string("occasion") else {
            guard yaml.entry("date") != nil else {
                if yaml.entry("occasion") == nil {
                    r.error("missing `occasion` and `year`, or `date`", at: yaml.location,
                            hint: "add e.g. `occasion: dragon-boat` and `year: 2026`; or `date: YYYY-MM-DD` for a custom occasion")
                }
                return nil
            }
            if yaml.entry("year") != nil {
                r.ignore("year", because: "a theme given by `date:` takes its year from the date")
            }
            return r.day("date").map { (.fixed($0), nil) }
        }
        let occasion = Occasion(rawValue: name)
        if occasion == nil {
            let known = Occasion.allCases.map(\.rawValue)
            r.error("unknown occasion `\(name)`", at: yaml.valueLocation("occasion"),
                    hint: Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
                        ?? "known occasions: \(known.joined(separator: ", ")); or give a custom `date:` instead")
        }
        if yaml.entry("date") != nil {
            _ = r.day("date")
            r.error("give either `occasion` or `date`, not both", at: yaml.keyLocation("date"),
                    hint: "remove `date`: the calendar knows the day of \(name)")
        }
        if occasion == .birthday {
            if yaml.entry("year") != nil { r.ignore("year", because: "a birthday theme is every member's own day, every year") }
            return yaml.entry("date") == nil ? (.birthday, occasion) : nil
        }
        // Read even when the occasion is wrong, so a bad year is reported in the same pass.
        let year = r.int("year", range: 1...9999)
        // `year:` with no value (or only a comment) is as missing as no `year` line.
        if year == nil && (r.string("year") ?? "").isEmpty {
            r.error("missing required key `year`", at: yaml.entry("year") == nil ? yaml.location : yaml.valueLocation("year"), hint: "add `year: 2026`: the year of the \(name) festival")
        }
        guard let occasion, let year, yaml.entry("date") == nil else { return nil }
        do {
            guard let day = try occasion.day(in: year) else { return nil }
            return (.fixed(day), occasion)
        } catch {
            r.error("\(error)", at: yaml.valueLocation("year"), hint: "use a year the calendar covers")
            return nil
        }
    }

    private static func audience(_ r: inout YAMLReader) -> Audience {
        guard let map = r.group("audience") else { return Audience() }
        var audience = Audience()
        if let text = r.string("gender", in: map), !text.isEmpty {
            audience.gender = Member.Gender(rawValue: text.uppercased())
            if audience.gender == nil {
                r.error("unknown gender `\(text)`", at: map.valueLocation("gender"), hint: "use F or M")
            }
        }
        audience.departments = Set(r.list("departments", in: map) ?? [])
        audience.tags = Set(r.list("tags", in: map) ?? [])
        return audience
    }

    /// The preset's colours with the front matter's `palette:` keys over them. A palette the
    /// author changed that draws text below WCAG AA is a warning at the key to change.
    private static func palette(_ r: inout YAMLReader, preset: OccasionPreset) -> Palette {
        var palette = preset.palette
        guard let map = r.group("palette") else { return palette }
        var written: [String] = []
        for key in Palette.keys {
            guard let value = r.string(key, in: map) else { continue }
            if Palette.isColor(value) {
                palette[key] = value
                written.append(key)
            } else {
                r.error("bad colour `\(value)` for `\(key)`", at: map.valueLocation(key),
                        hint: "write a hex colour in quotes, e.g. \"#1f6f5c\"")
            }
        }
        // One warning per key the author wrote, naming every pair it leaves below AA.
        var byKey: [String: [Palette.Shortfall]] = [:]
        for shortfall in palette.shortfalls() {
            guard let key = shortfall.pair.keys.first(where: written.contains) else { continue }
            byKey[key, default: []].append(shortfall)
        }
        for key in written where byKey[key] != nil {
            let pairs = byKey[key]!.map { "\($0.pair.what) \(($0.ratio * 100).rounded(.down) / 100):1 (needs \($0.pair.minimum))" }
            let fix = palette.suggestion(for: key).map { "e.g. `\(key): \"\($0)\"`" } ?? "a colour with more contrast"
            r.warning("palette `\(key)` \(palette[key]) is below WCAG AA contrast, hard to read for many members: "
                      + pairs.joined(separator: "; "), at: map.keyLocation(key),
                      hint: "use \(fix), or remove `\(key)` to keep the \(preset.name) preset's \(preset.palette[key])")
        }
        return palette
    }

    /// `art:` (an error when missing), or the preset's illustration; the preset's ornament.
    /// Preset art the site's own templates lack is left out with one warning: the page works.
    private static func art(_ r: inout YAMLReader, preset: OccasionPreset, artExists: (String) -> Bool) -> (String, String) {
        let written = r.string("art")
        if let art = written, !art.isEmpty, !artExists(art) {
            r.error("art `\(art)` does not exist", at: r.root.valueLocation("art"),
                    hint: "put the SVG in templates/assets/art/ or remove the `art` line")
        }
        let art = written ?? preset.art
        let missing = [written == nil ? preset.art : nil, preset.ornament].compactMap { $0 }.filter { !artExists($0) }
        if !missing.isEmpty {
            let files = missing.map { "templates/assets/art/\($0)" }.joined(separator: " and ")
            r.warning("the \(preset.name) preset's art is missing: \(files); the pages show none",
                      at: r.root.keyLocation(r.root.entry("occasion") != nil ? "occasion" : "date"),
                      hint: "copy \(missing.count == 1 ? "it" : "them") from Lantern's sample site (templates/assets/art/), or name an SVG of your own with `art:`")
        }
        return (artExists(art) ? art : "", artExists(preset.ornament) ? preset.ornament : "")
    }
}
