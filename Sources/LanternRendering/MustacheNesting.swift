import LanternModel

/// What Lantern refuses in any Mustache text before swift-mustache parses it, because the
/// parser and the renderer would otherwise go where Lantern's own checks cannot follow.
///
/// The library parses a section, and renders a section, a partial or a parent, by calling
/// itself: 700 nested sections overflowed a worker thread's stack (a SIGSEGV in `check` and
/// `build`, not an error). Nesting is therefore counted from the tags, and text nesting deeper
/// than `limit` is never parsed. Real templates nest a handful of levels; a debug build still
/// renders 400.
///
/// A set-delimiter tag (`{{=<% %>=}}`) would hide every later tag from `MustacheTags`, and so
/// from the nesting count, the pragma check, the partial checks and the greeting checks.
enum MustacheNesting {
    /// The deepest nesting of sections, blocks, parents and partials Lantern parses or renders.
    static let limit = 100

    /// Adds an error for a set-delimiter tag or for nesting deeper than `limit`, at the tag;
    /// false when `text` must not be parsed. `what` names the text ("a template", "a greeting").
    static func check(_ tags: [MustacheTags.Tag], file: String, firstLine: Int = 1, in what: String,
                      into d: inout Diagnostics) -> Bool {
        var fine = true
        for tag in tags where tag.sigil == "=" {
            d.error("set-delimiter tag in \(what)", at: location(of: tag, file, firstLine),
                    hint: "remove it: Lantern reads {{tags}} with their usual delimiters only")
            fine = false
        }
        guard fine else { return false }
        if let tag = firstTooDeep(tags) {
            d.error("sections nest more than \(limit) levels deep in \(what)", at: location(of: tag, file, firstLine),
                    hint: "close sections before opening new ones: the limit keeps rendering from running out of stack")
            return false
        }
        return true
    }

    /// The first opening tag (`#` `^` `$` `<`) that stands deeper than `limit`.
    static func firstTooDeep(_ tags: [MustacheTags.Tag]) -> MustacheTags.Tag? {
        var depth = 0
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                depth += 1
                if depth > limit { return tag }
            case "/": depth = max(0, depth - 1)
            default: continue
            }
        }
        return nil
    }

    static func location(of tag: MustacheTags.Tag, _ file: String, _ firstLine: Int) -> SourceLocation {
        SourceLocation(file: file, line: tag.line + firstLine - 1, column: tag.column)
    }
}
