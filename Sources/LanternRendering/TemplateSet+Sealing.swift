import LanternModel
import Mustache

/// How a member page is encrypted (`privacy.encrypt: true`) without looking for anything in
/// its HTML: the page is two render outputs.
///
/// - The *part*: what fills the `{{$content}}` block of the layout the page inherits. It is
///   rendered alone, from a library in which that layout is only `{{$content}}{{/content}}`,
///   with the member's context, and encrypted whole.
/// - The *shell*: the page with its `{{$content}}` block overridden by the sealed part,
///   rendered from a context that holds nothing of the member (`PageContext.shellContext`).
///
/// So what the member's data can reach is encrypted by construction, and a template that puts
/// member data outside the block is refused here, at its tag, rather than shown empty. A page
/// that cannot be split this way (no layout, no `{{$content}}` block, the block shown other
/// than once) is a build error: it is never published in clear.
extension TemplateSet {
    struct Sealing: Sendable {
        /// For each member page kind, the library that renders only its encrypted part.
        var parts: [Kind: MustacheLibrary]
        /// For each member page kind, the layout at the top of its inheritance (display path).
        var layouts: [Kind: String]

        static let kinds: [Kind] = [.member, .storefront]
        /// The shell's variable that receives the sealed part.
        static let slot = "lantern_sealed"

        static func shellName(_ kind: Kind) -> String { "lantern:shell/\(kind.rawValue)" }
    }

    typealias Source = (name: String, display: String, text: String)

    /// The templates that encrypt member pages; nil, with the reasons in `diagnostics`, when the
    /// member page templates cannot be split into a shell and a part, or show member data in
    /// their shell. Registers the shells in `library`.
    static func sealing(_ sources: [Source], library: inout MustacheLibrary, into diagnostics: inout Diagnostics) -> Sealing? {
        let byName = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let errorsBefore = diagnostics.all.count
        var sealing = Sealing(parts: [:], layouts: [:])
        // Templates shared by both kinds (the layout, partials) are checked once.
        var checked = Set<String>()
        for kind in Sealing.kinds {
            guard let source = byName[kind.rawValue], let chain = inheritance(of: source, in: byName, into: &diagnostics) else { continue }
            let layout = chain.last!
            guard MustacheTags.scan(layout.text).contains(where: { $0.sigil == "$" && $0.name == "content" }) else {
                if checked.insert(layout.name).inserted { diagnostics.error("\(layout.display) has no {{$content}} block, so the member part of \(source.display) cannot be encrypted",
                                  at: SourceLocation(file: layout.display),
                                  hint: "with `privacy.encrypt: true`, the layout must show the member part as {{$content}}{{/content}}") }
                continue
            }
            // Outside the block: every template of the chain, and whatever partial it includes.
            var pending: [Source] = []
            for template in chain where checked.insert(template.name).inserted {
                let outside = tagsOutsideContent(MustacheTags.scan(template.text))
                check(outside, of: template, into: &diagnostics)
                pending += outside.filter { $0.sigil == ">" || $0.sigil == "<" }.compactMap { byName[$0.name] }
            }
            while let partial = pending.popLast() {
                guard checked.insert(partial.name).inserted else { continue }
                let tags = MustacheTags.scan(partial.text)
                check(tags, of: partial, into: &diagnostics)
                pending += tags.filter { $0.sigil == ">" || $0.sigil == "<" }.compactMap { byName[$0.name] }
            }
            var part = library
            do {
                part.register(try MustacheHTML.template("{{$content}}{{/content}}"), named: layout.name)
                library.register(try MustacheHTML.template("{{<\(kind.rawValue)}}{{$content}}{{{\(Sealing.slot)}}}{{/content}}{{/\(kind.rawValue)}}"),
                                 named: Sealing.shellName(kind))
            } catch {
                preconditionFailure("Lantern's own sealing templates parse: \(error)")
            }
            sealing.parts[kind] = part
            sealing.layouts[kind] = layout.display
        }
        return diagnostics.all.count == errorsBefore ? sealing : nil
    }

    /// The template and the layouts it inherits, outermost last; nil (with a diagnostic) when
    /// it inherits none, more than one, conditionally, or in a circle.
    private static func inheritance(of source: Source, in byName: [String: Source], into diagnostics: inout Diagnostics) -> [Source]? {
        var chain = [source]
        while true {
            let current = chain.last!
            let tags = MustacheTags.scan(current.text)
            if let tag = tags.first(where: { $0.sigil == "=" }) {
                diagnostics.error("a set-delimiter tag in \(current.display), which an encrypted member page cannot use",
                                  at: SourceLocation(file: current.display, line: tag.line, column: tag.column),
                                  hint: "with `privacy.encrypt: true`, member page templates and their layouts keep the {{ }} delimiters")
                return nil
            }
            var depth = 0
            var parents: [(tag: MustacheTags.Tag, depth: Int)] = []
            for tag in tags {
                if tag.sigil == "<" { parents.append((tag, depth)) }
                if let sigil = tag.sigil, "#^$<".contains(sigil) { depth += 1 }
                if tag.sigil == "/" { depth -= 1 }
            }
            guard let parent = parents.first else {
                if chain.count > 1 { return chain }
                diagnostics.error("\(source.display) does not inherit a layout, so its member part cannot be encrypted",
                                  at: SourceLocation(file: source.display),
                                  hint: "with `privacy.encrypt: true`, write the page as {{<layout}}{{$content}}…{{/content}}{{/layout}}")
                return nil
            }
            guard parents.count == 1, parent.depth == 0, let next = byName[parent.tag.name],
                  !chain.contains(where: { $0.name == next.name }) else {
                let tag = parents.count > 1 ? parents[1].tag : parent.tag
                diagnostics.error("\(current.display) must inherit exactly one layout, unconditionally, for its member part to be encrypted",
                                  at: SourceLocation(file: current.display, line: tag.line, column: tag.column),
                                  hint: "with `privacy.encrypt: true`, a member page template has one {{<layout}} at its top level")
                return nil
            }
            chain.append(next)
        }
    }

    /// The tags that render when the `{{$content}}` block is overridden: all but those inside it.
    static func tagsOutsideContent(_ tags: [MustacheTags.Tag]) -> [MustacheTags.Tag] {
        var inside = 0
        var outside: [MustacheTags.Tag] = []
        for tag in tags {
            if inside > 0 {
                if let sigil = tag.sigil, "#^$<".contains(sigil) { inside += 1 }
                if tag.sigil == "/" { inside -= 1 }
            } else if tag.sigil == "$" && tag.name == "content" {
                inside = 1
            } else {
                outside.append(tag)
            }
        }
        return outside
    }

    /// An error at each tag that would show member data in the shell, where it is not encrypted
    /// (and where `PageContext.shellContext` leaves it out).
    private static func check(_ tags: [MustacheTags.Tag], of source: Source, into diagnostics: inout Diagnostics) {
        for tag in tags where tag.sigil == nil || "&{#^".contains(tag.sigil!) {
            let name = rootName(tag.name)
            guard PageContext.personalKeys.contains(name) else { continue }
            let open = tag.sigil.map { $0 == "{" ? "{{{" : "{{\($0)" } ?? "{{"
            diagnostics.error("\(open)\(tag.name)\(tag.sigil == "{" ? "}}}" : "}}") would show member data outside the encrypted part of member pages",
                              at: SourceLocation(file: source.display, line: tag.line, column: tag.column),
                              hint: "with `privacy.encrypt: true` only the {{$content}} block of a member page is encrypted; "
                                  + "outside it the page shows what any visitor may see (\(PageContext.shellKeys.sorted().joined(separator: ", "))). "
                                  + "Move it into the {{$content}} block")
        }
    }

    /// The context key a tag name starts from: `member` for `member.name` and `first(member.cards)`.
    static func rootName(_ name: String) -> String {
        var name = Substring(name)
        if let open = name.lastIndex(of: "(") { name = name[name.index(after: open)...] }
        if let close = name.firstIndex(of: ")") { name = name[..<close] }
        return String(name.split(separator: ".", omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// The encrypted part of a member page: what its layout's `{{$content}}` block shows.
    func renderSealedPart(_ kind: Kind, _ context: [String: Any]) -> String {
        sealing?.parts[kind]?.render(context, withTemplate: kind.rawValue) ?? ""
    }

    /// A member page around its sealed part (`Sealing.slot` in `context`).
    func renderShell(_ kind: Kind, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: Sealing.shellName(kind)) ?? ""
    }
}
