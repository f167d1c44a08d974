import LanternModel
import Mustache

/// A theme's greeting or a letter: Markdown rendered once, then member variables filled in per member.
///
/// Markdown never sees a tag, and Mustache never sees what Markdown made of the text: the tags
/// are checked in the source (so positions are the file's), each is replaced by a placeholder
/// libcmark cannot alter (`Placeholders`), the Markdown is rendered, and the template is built
/// from the HTML with only those placeholders turned back into tags (`TemplateBuilder`). So no
/// entity, escape, code span, link or raw HTML can make `{{{name}}}` or any other tag, and
/// every member value is escaped once, by `MustacheHTML`, in text or in a title.
enum Greeting {
    /// The variables a greeting may use; README lists what each holds.
    static let variables = ["name", "department", "city", "years_of_service", "service_year", "budget",
                            "theme_title", "festival_date", "union_name", "site_name"]
    /// Personal letters have no theme: no budget, title or festival day.
    static let letterVariables = ["name", "department", "city", "years_of_service", "service_year",
                                  "union_name", "site_name"]

    /// The greeting's template, or nil with the errors in `d` (warnings for unknown variables).
    static func compile(_ markdown: String, file: String, firstLine: Int, variables: [String] = variables,
                        into d: inout Diagnostics) -> MustacheTemplate? {
        // swift-mustache cannot parse a text whose last character is `{`; a final line break
        // changes nothing in Markdown.
        let markdown = markdown.hasSuffix("\n") ? markdown : markdown + "\n"
        let tags = MustacheTags.scan(markdown)
        guard MustacheNesting.check(tags, file: file, firstLine: firstLine, in: "a greeting", into: &d) else { return nil }
        if case .failure(let error) = MustacheDiagnostic.parse(markdown, file: file, firstLine: firstLine) {
            d.append(contentsOf: error.diagnostics)
            return nil
        }
        guard let slots = slots(tags, file: file, firstLine: firstLine, variables: variables, into: &d) else { return nil }
        let placeholders = Placeholders(avoiding: markdown)
        let html = Array(Markdown.html(placeholders.substitute(tags, in: markdown)).utf8)
        let builder = TemplateBuilder(html: html, slots: slots, file: file, firstLine: firstLine)
        guard let found = placeholders.find(in: html) else {
            d.error("the greeting's tags do not survive Markdown", at: SourceLocation(file: file, line: firstLine),
                    hint: "keep {{variables}} in text, link text or a link title")
            return nil
        }
        guard let text = builder.build(found, into: &d) else { return nil }
        guard case .success(let template) = MustacheDiagnostic.parse(text, file: file, firstLine: firstLine) else {
            d.error("the greeting cannot be compiled after Markdown", at: SourceLocation(file: file, line: firstLine),
                    hint: "keep {{variables}} in text, link text or a link title")
            return nil
        }
        return template
    }

    /// What each tag stands for; nil when one is not allowed in a greeting (errors in `d`).
    private static func slots(_ tags: [MustacheTags.Tag], file: String, firstLine: Int, variables: [String],
                              into d: inout Diagnostics) -> [Slot]? {
        var slots: [Slot] = []
        var fine = true
        for tag in tags {
            let location = MustacheNesting.location(of: tag, file, firstLine)
            let name = variables.contains(tag.name) ? tag.name : Slot.unknown
            switch tag.sigil {
            case "{", "&":
                d.error("raw variable `\(tag.name)` in a greeting", at: location,
                        hint: "write {{\(tag.name)}}: member data is always HTML-escaped")
                fine = false
            case ">", "<", "$":
                d.error("partials and blocks are not allowed in a greeting", at: location,
                        hint: "greetings may use {{variable}} and {{#variable}}…{{/variable}} only")
                fine = false
            case "%":
                d.error("pragma `{{% \(tag.name) }}` in a greeting", at: location,
                        hint: "remove it: member data is always HTML-escaped")
                fine = false
            case "!": slots.append(Slot(kind: .comment, name: "", tag: tag))
            case "/": slots.append(Slot(kind: .close, name: name, tag: tag))
            case _ where tag.name.contains("("):
                d.error("transforms are not allowed in a greeting", at: location,
                        hint: "write {{\(tag.name.split(separator: "(").last?.dropLast() ?? "name")}} instead")
                fine = false
            default:
                if name == Slot.unknown {
                    let close = Suggestion.closest(to: tag.name, in: variables)
                    d.warning("unknown greeting variable `\(tag.name)` (renders empty)", at: location,
                              hint: close.map { "did you mean `\($0)`?" } ?? "known: \(variables.joined(separator: ", "))")
                }
                let kind: Slot.Kind = tag.sigil == "#" ? .section : tag.sigil == "^" ? .inverted : .variable
                slots.append(Slot(kind: kind, name: name, tag: tag))
            }
        }
        return fine ? slots : nil
    }

    /// The greeting `markdown` rendered with `values` (variable name to value), or the errors a
    /// theme file with this body would get: the whole path from source to HTML, for tests and
    /// fuzz targets (no member value may appear in the HTML unescaped).
    static func render(_ markdown: String, values: [String: Any], variables: [String] = variables)
        -> Result<String, DiagnosticsError> {
        var d = Diagnostics()
        guard let template = compile(markdown, file: "greeting.md", firstLine: 1, variables: variables, into: &d) else {
            return .failure(DiagnosticsError(d.all))
        }
        return .success(template.render(values))
    }
}
