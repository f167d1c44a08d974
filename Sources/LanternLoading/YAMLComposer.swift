import LanternModel
import Yams

/// Composes YAML text with Yams, turning its errors into diagnostics at the file's line and column.
///
/// Yams refuses a mapping with a repeated key but names only the first occurrence, which is the
/// one the user meant to keep. To point at the later ones, the composer renames each first
/// occurrence in a copy of the text (one character, so no column moves), composes again, and
/// reports every later occurrence of the name in that mapping. Keys that are equal only as text
/// (`yes:` and `"yes":`, which Yams tells apart by tag) are repeats too, since loaders look keys
/// up by their text.
struct YAMLComposer {
    let file: String
    /// Added to Yams' line numbers.
    let lineOffset: Int

    /// How many first occurrences are renamed before the rest is reported where Yams saw it.
    static let renameLimit = 32
    /// Replaces a key's first character: private-use scalars no file contains by chance, one per
    /// rename, so two renamed occurrences of one name do not repeat each other.
    static func placeholder(_ number: Int) -> Unicode.Scalar { Unicode.Scalar(0xE000 + UInt32(number))! }

    func compose(_ yaml: String) throws(DiagnosticsError) -> Node? {
        var text = yaml
        /// First occurrences renamed so far: their position, and the name they had.
        var renamed: [Position: String] = [:]
        while true {
            let root: Node?
            do {
                root = try Yams.compose(yaml: text)
            } catch {
                if case .duplicatedKeysInMapping(let names, let context)? = error as? YamlError, let name = names.first {
                    let first = Position(context.mark)
                    if renamed[first] == nil, renamed.count < Self.renameLimit, let next = Self.rename(text, at: first, to: Self.placeholder(renamed.count)) {
                        renamed[first] = name
                        text = next
                        continue
                    }
                    // Renaming cannot go on (a quoted or aliased key, or very many repeats):
                    // report what was found, and this one where Yams saw it.
                    throw DiagnosticsError(renamed.sorted { $0.key < $1.key }.map { repeated($0.value, first: $0.key, at: nil) }
                                           + [repeated(name, first: first, at: nil)])
                }
                throw DiagnosticsError([syntaxError(error, in: text)])
            }
            let repeats = self.repeats(in: root, renamed: renamed)
            // A renamed key whose repeat is not found again (only an alias repeated it) is
            // still reported, at the first occurrence.
            let lost = renamed.filter { entry in !repeats.contains { $0.first == entry.key || $0.at == entry.key } }
            let diagnostics = repeats.map(\.diagnostic) + lost.sorted { $0.key < $1.key }.map { repeated($0.value, first: $0.key, at: nil) }
            if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
            return root
        }
    }

    /// A line and column as Yams counts them (from 1; columns in Unicode scalars).
    struct Position: Hashable, Comparable {
        var line: Int
        var column: Int

        init(line: Int, column: Int) { (self.line, self.column) = (line, column) }
        init(_ mark: Mark) { self.init(line: mark.line, column: mark.column) }

        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// Every key that repeats an earlier key of its mapping, reported at its own position.
    ///
    /// Containers are visited once by position: an alias shares its anchor's node (and mark), so a
    /// file of nested aliases is walked in the size of its text, not of its expansion.
    private func repeats(in root: Node?, renamed: [Position: String]) -> [(first: Position, at: Position, diagnostic: Diagnostic)] {
        var found: [(first: Position, at: Position, diagnostic: Diagnostic)] = []
        var visited = Set<Position>()
        var stack = root.map { [$0] } ?? []
        while let node = stack.popLast() {
            if let mark = node.mark, node.scalar == nil, !visited.insert(Position(mark)).inserted { continue }
            switch node {
            case .mapping(let mapping):
                var firsts: [String: Position] = [:]
                for (key, value) in mapping {
                    stack.append(value)
                    stack.append(key)
                    guard let mark = key.mark else { continue }
                    let position = Position(mark)
                    guard let name = renamed[position] ?? key.scalar?.string else { continue }
                    if let first = firsts[name] {
                        found.append((first, position, repeated(name, first: first, at: position)))
                    } else {
                        firsts[name] = position
                    }
                }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return found.sorted { $0.at < $1.at }
    }

    /// `name` repeated at `position` (nil: not found again, so reported at the first occurrence).
    private func repeated(_ name: String, first: Position, at position: Position?) -> Diagnostic {
        let place = position ?? first
        return .error("duplicate key `\(name)`", at: SourceLocation(file: file, line: place.line + lineOffset, column: place.column),
                      hint: position == nil ? "a key may appear only once in its group; remove the repeated `\(name)`"
                        : "`\(name)` is already given on line \(first.line + lineOffset); keep one of them")
    }

    private func syntaxError(_ error: Error, in text: String) -> Diagnostic {
        switch error as? YamlError {
        case .scanner(let context?, let problem, _, _) where context.text.hasPrefix("while parsing a flow"),
             .parser(let context?, let problem, _, _) where context.text.hasPrefix("while parsing a flow"):
            // An unclosed `[` or `{`: libyaml gives up where the next key starts, often lines
            // later (past comments); the bracket that was never closed is what to fix.
            let place = min(Position(context.mark), Self.end(of: text))
            let bracket = context.text.contains("mapping") ? "{" : "["
            return .error("YAML syntax error: the `\(bracket)` here is never closed (\(problem))",
                          at: SourceLocation(file: file, line: place.line + lineOffset, column: place.column),
                          hint: "close it on the same line (`[a, b]`), or quote the value if the `\(bracket)` is part of the text")
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            // At the end of a file without a final line break, libyaml reports the line after
            // the last: point at the end of the last line instead, which exists.
            let place = min(Position(mark), Self.end(of: text))
            return .error("YAML syntax error: \(problem)",
                          at: SourceLocation(file: file, line: place.line + lineOffset, column: place.column),
                          hint: "check the indentation and quoting near here; quote values that contain `: ` or start with `[`, `{`, `*`, `&`")
        default:
            return .error("YAML error: \(error)", at: SourceLocation(file: file, line: lineOffset + 1))
        }
    }

    /// The position just after the last character of `text`, with line breaks as libyaml counts them.
    static func end(of text: String) -> Position {
        var end = Position(line: 1, column: 1)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": end = Position(line: end.line + 1, column: 1)
            default: end.column += 1
            }
            previous = scalar
        }
        return end
    }

    /// `text` with the first character of the key at `position` (after an opening quote)
    /// replaced by `placeholder`, or nil when that is not a plain character.
    static func rename(_ text: String, at position: Position, to placeholder: Unicode.Scalar) -> String? {
        var scalars = Array(text.unicodeScalars)
        var line = 1, column = 1, i = 0
        // Line breaks as libyaml counts them: LF, CR, CR LF, NEL, LS, PS.
        while i < scalars.count, (line, column) != (position.line, position.column) {
            switch scalars[i] {
            case "\r":
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                line += 1; column = 1
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1; column = 1
            default:
                column += 1
            }
            i += 1
        }
        if i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" { i += 1 }
        guard i < scalars.count, !"\"'\\\r\n \t".unicodeScalars.contains(scalars[i]) else { return nil }
        scalars[i] = placeholder
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
