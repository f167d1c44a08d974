import Mustache

/// A theme's greeting: Markdown rendered once, then member variables filled in per member.
enum Greeting {
    /// The variables a greeting may use; README lists what each holds.
    static let variables = ["name", "department", "city", "years_of_service", "service_year", "budget",
                            "theme_title", "festival_date", "union_name", "site_name"]
    /// Personal letters have no theme: no budget, title or festival day.
    static let letterVariables = ["name", "department", "city", "years_of_service", "service_year",
                                  "union_name", "site_name"]

    /// Checks the Mustache tags against the Markdown source (so positions are the file's),
    /// renders the Markdown with libcmark and compiles the HTML as a template.
    static func compile(_ markdown: String, file: String, firstLine: Int, variables: [String] = variables,
                        into d: inout Diagnostics) -> MustacheTemplate? {
        if case .failure(let error) = MustacheDiagnostic.parse(markdown, file: file, firstLine: firstLine) {
            d.append(contentsOf: error.diagnostics)
            return nil
        }
        for tag in MustacheTags.scan(markdown) {
            let location = SourceLocation(file: file, line: tag.line + firstLine - 1, column: tag.column)
            switch tag.sigil {
            case "{", "&":
                d.error("raw variable `\(tag.name)` in a greeting", at: location,
                        hint: "write {{\(tag.name)}}: member data is always HTML-escaped")
            case ">", "<", "$", "=":
                d.error("partials and blocks are not allowed in a greeting", at: location,
                        hint: "greetings may use {{variable}} and {{#variable}}…{{/variable}} only")
            case "%":
                d.error("pragma `{{% \(tag.name) }}` in a greeting", at: location,
                        hint: "remove it: member data is always HTML-escaped")
            case "!", "/":
                continue
            case _ where tag.name.contains("("):
                d.error("transforms are not allowed in a greeting", at: location,
                        hint: "write {{\(tag.name.split(separator: "(").last?.dropLast() ?? "name")}} instead")
            default:
                if !variables.contains(tag.name) {
                    let close = Suggestion.closest(to: tag.name, in: variables)
                    d.warning("unknown greeting variable `\(tag.name)` (renders empty)", at: location,
                              hint: close.map { "did you mean `\($0)`?" } ?? "known: \(variables.joined(separator: ", "))")
                }
            }
        }
        guard case .success(let template) = MustacheDiagnostic.parse(Markdown.html(markdown), file: file, firstLine: firstLine)
        else {
            d.error("the greeting's Mustache tags do not survive Markdown (e.g. inside a link)",
                    at: SourceLocation(file: file, line: firstLine), hint: "keep {{variables}} in plain text")
            return nil
        }
        return template
    }
}
