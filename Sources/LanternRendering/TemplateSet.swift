import Foundation
import LanternLoading
import LanternModel
import LanternPlanning
import Mustache

/// The site's Mustache templates: one per page kind, plus layouts and partials.
///
/// Every `.mustache` file under `templates/` is registered by its path without the extension,
/// as swift-mustache's own loader does: `templates/partials/item.mustache` is `partials/item`.
package struct TemplateSet: Sendable {
    /// The page kinds Lantern renders, each from the template of the same name.
    typealias Kind = Page.Kind

    let library: MustacheLibrary
    /// Whether member pages may be rendered through stencils (no template transforms a text value).
    let allowsStencils: Bool
    /// How member pages are split for encryption; loaded only when the site encrypts them.
    var sealing: Sealing? = nil

    /// Compiles and checks every template; reports syntax errors, missing page templates and
    /// partials that do not exist, each at its file, line and column. `sealing`: member pages
    /// are encrypted, and their templates must allow it (`TemplateSet+Sealing.swift`).
    static func compile(_ files: [TemplateFile], displayPrefix: String = "templates", sealing: Bool = false) throws(DiagnosticsError) -> TemplateSet {
        var diagnostics = Diagnostics()
        var library = MustacheLibrary()
        var sources: [(name: String, display: String, text: String, tags: [MustacheTags.Tag])] = []
        for file in files {
            let (name, display) = (file.name, file.displayPath)
            let tags = MustacheTags.scan(file.text)
            sources.append((name, display, file.text, tags))
            // Counted before parsing: the parser recurses once per nested section.
            guard MustacheNesting.check(tags, file: display, in: "a template", into: &diagnostics) else { continue }
            switch MustacheDiagnostic.parse(file.text, file: display) {
            case .success(let template):
                library.register(template, named: name)
                refusePragmas(tags, file: display, into: &diagnostics)
            case .failure(let error): diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        let names = Set(sources.map(\.name))
        for kind in Kind.allCases where !names.contains(kind.rawValue) {
            diagnostics.error("missing template `\(kind.rawValue).mustache`", at: SourceLocation(file: displayPrefix),
                              hint: "every page kind needs its template: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for source in sources {
            for tag in source.tags where (tag.sigil == ">" || tag.sigil == "<") && !names.contains(tag.name) {
                let close = Suggestion.closest(to: tag.name, in: Array(names))
                diagnostics.error("partial `\(tag.name)` does not exist",
                                  at: SourceLocation(file: source.display, line: tag.line, column: tag.column),
                                  hint: close.map { "did you mean `\($0)`?" }
                                      ?? "add \(displayPrefix)/\(tag.name).mustache")
            }
        }
        let graph = PartialGraph(sources.map { PartialGraph.Source(name: $0.name, display: $0.display, tags: $0.tags) })
        if graph.checkCycles(into: &diagnostics) { graph.checkDepth(into: &diagnostics) }
        try diagnostics.throwIfErrors()
        let sealed = sealing ? Self.sealing(sources.map { (name: $0.name, display: $0.display, text: $0.text) }, library: &library, into: &diagnostics) : nil
        try diagnostics.throwIfErrors()
        return TemplateSet(library: library, allowsStencils: StencilCache.allows(sources.map(\.text)), sealing: sealed)
    }

    /// A `{{% CONTENT_TYPE }}` pragma would change how the rest of its file escapes: `HTML` is
    /// swift-mustache's escaping, which lets a quote followed by a combining mark through, and
    /// `TEXT` none at all. Lantern sets the content type of every template (`MustacheHTML`).
    static func refusePragmas(_ tags: [MustacheTags.Tag], file: String, into diagnostics: inout Diagnostics) {
        for tag in tags where tag.sigil == "%" {
            diagnostics.error("pragma `{{% \(tag.name) }}` in a template",
                              at: SourceLocation(file: file, line: tag.line, column: tag.column),
                              hint: "remove it: Lantern escapes every {{value}} for HTML; write {{{value}}} where raw HTML is meant")
        }
    }

    func render(_ kind: Kind, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: kind.rawValue) ?? ""
    }
}
