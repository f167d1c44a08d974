/// Lists the `{{…}}` tags of a template with their positions (default delimiters only).
///
/// swift-mustache keeps its tokens private and renders a missing partial as nothing, so
/// Lantern reads the tags itself to report missing partials and unknown or raw variables.
struct MustacheTags {
    struct Tag {
        /// The sigil after `{{`: `#`, `^`, `/`, `>`, `<`, `$`, `&`, `{`, `!`, `=`, `%`, or nil for a variable.
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
        /// Where the tag stands in the text, `{{` to `}}`, in Unicode scalars.
        var scalars: Range<Int> = 0..<0
    }

    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1, column = 1
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                let (startLine, startColumn) = (line, column)
                var j = i + 2
                var inner = ""
                while j < scalars.count, !(scalars[j] == "}" && j + 1 < scalars.count && scalars[j + 1] == "}") {
                    inner.unicodeScalars.append(scalars[j])
                    j += 1
                }
                var body = Substring(inner.trimmingCharacters(in: .whitespaces))
                var sigil: Character?
                if let first = body.first, "#^/><$&{!=%".contains(first) {
                    sigil = first
                    body = body.dropFirst()
                }
                let name = body.trimmingCharacters(in: .whitespaces.union(["}"]))
                tags.append(Tag(sigil: sigil, name: name, line: startLine, column: startColumn,
                                scalars: i..<min(j + 2, scalars.count)))
                for s in scalars[i..<min(j + 2, scalars.count)] { advance(s, &line, &column) }
                i = j + 2
                continue
            }
            advance(scalars[i], &line, &column)
            i += 1
        }
        return tags
    }

    private static func advance(_ s: Unicode.Scalar, _ line: inout Int, _ column: inout Int) {
        if s == "\n" { line += 1; column = 1 } else { column += 1 }
    }
}
