import Yams

/// A YAML mapping read with Yams, whose every key and value knows its line and column in the file.
struct YAMLMap {
    let node: Node.Mapping
    let file: String
    /// Added to Yams' 1-based line numbers (front matter starts on the file's second line).
    let lineOffset: Int
    /// Where the mapping itself starts, for "missing key" errors.
    let location: SourceLocation

    /// Parses `yaml`; a syntax error becomes a diagnostic at the file's line and column.
    static func parse(_ yaml: String, file: String, firstLine: Int = 1) throws(DiagnosticsError) -> YAMLMap {
        let start = SourceLocation(file: file, line: firstLine, column: 1)
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw DiagnosticsError([syntaxError(error, file: file, lineOffset: firstLine - 1)])
        }
        guard let root else { return YAMLMap(node: [:], file: file, lineOffset: firstLine - 1, location: start) }
        guard let mapping = root.mapping else {
            throw DiagnosticsError([.error("expected `key: value` lines", at: start,
                                           hint: "front matter and site.yaml are YAML mappings, e.g. `title: 端午安康`")])
        }
        return YAMLMap(node: mapping, file: file, lineOffset: firstLine - 1, location: start)
    }

    private static func syntaxError(_ error: Error, file: String, lineOffset: Int) -> Diagnostic {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error("YAML syntax error: \(problem)",
                          at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                          hint: "check the indentation and quoting near here; quote values that contain `: ` or start with `[`, `{`, `*`, `&`")
        default:
            return .error("YAML error: \(error)", at: SourceLocation(file: file, line: lineOffset + 1))
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The key node and value for `key`, if present.
    func entry(_ key: String) -> (key: Node, value: Node)? {
        node.first { $0.key.string == key }.map { ($0.key, $0.value) }
    }

    func keyLocation(_ key: String) -> SourceLocation { entry(key).map { location(of: $0.key) } ?? location }

    /// Warns about every key not in `known`, naming the closest known key.
    func warnUnknownKeys(_ known: [String], context: String, into diagnostics: inout Diagnostics) {
        for (key, _) in node {
            let name = key.string ?? "\(key)"
            guard !known.contains(name) else { continue }
            let hint = Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
                ?? "known keys: \(known.joined(separator: ", "))"
            diagnostics.warning("unknown \(context) key `\(name)` (ignored)", at: location(of: key), hint: hint)
        }
    }
}
