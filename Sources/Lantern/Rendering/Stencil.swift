import Foundation

/// Renders many pages of the same shape fast: the template is rendered once per shape with
/// placeholders in place of every text value, and each page then only fills the placeholders.
///
/// A context's *shape* is its keys, list lengths and flags, everything but its text and number
/// values. Two contexts of one shape take the same path through a logic-less template, so
/// the output differs only where the values go. Each placeholder carries an `&`; if the template
/// escaped it (`{{x}}`) it comes out as `&amp;` and the value is filled in escaped exactly as
/// Mustache would, else (`{{{x}}}`) it is filled in raw.
///
/// Templates that transform text values (`uppercased(x)` …) cannot be rendered this way:
/// `StencilCache.allows` says whether a set of templates is safe, and the caller falls back to
/// rendering each page with Mustache. Tests compare both ways byte for byte.
final class StencilCache: @unchecked Sendable {
    private struct Stencil {
        var literals: [String]
        /// For each hole between literals: the value index, and whether to escape it.
        var holes: [(index: Int, escaped: Bool)]
    }

    private var stencils: [String: Stencil?] = [:]
    private let lock = NSLock()

    private static let open: Character = "\u{E000}", close: Character = "\u{E001}"

    /// Transforms that look only at lists (their length), never at a text value.
    static let safeTransforms: Set<String> = ["first", "last", "empty"]

    /// Whether every tag in `templates` is safe for stencils (no transform of a text value).
    static func allows(_ templates: [String]) -> Bool {
        templates.allSatisfy { text in
            MustacheTags.scan(text).allSatisfy { tag in
                guard tag.sigil != "!", let paren = tag.name.firstIndex(of: "(") else { return true }
                return safeTransforms.contains(String(tag.name[..<paren]))
            }
        }
    }

    /// Renders `context` through `render`, once per shape; `kind` separates templates. The
    /// top-level keys in `constant` hold the same value for every context of this `kind` (the
    /// site, a festival theme): they are baked into the stencil rather than filled each time.
    func render(_ kind: String, _ context: [String: Any], constant: Set<String> = [],
                _ render: ([String: Any]) -> String) -> String {
        var values: [String] = []
        var shape = kind + "|"
        var abstract: [String: Any] = [:]
        for key in context.keys.sorted() {
            shape += key + ":"
            abstract[key] = constant.contains(key) ? context[key]! : Self.abstract(context[key]!, &values, &shape)
            shape += ","
        }
        let stencil: Stencil? = lock.withLock { stencils[shape] } ?? {
            let made = Self.make(render(abstract), count: values.count)
            lock.withLock { stencils[shape] = .some(made) }
            return made
        }()
        guard let stencil else { return render(context) }
        var out = stencil.literals[0]
        for (i, hole) in stencil.holes.enumerated() {
            out += hole.escaped ? Self.escape(values[hole.index]) : values[hole.index]
            out += stencil.literals[i + 1]
        }
        return out
    }

    /// Replaces text and number leaves by placeholders (collecting their values) and writes the
    /// shape; flags stay as they are and are part of the shape.
    private static func abstract(_ value: Any, _ values: inout [String], _ shape: inout String) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            var result: [String: Any] = [:]
            shape += "{"
            for key in dictionary.keys.sorted() {
                shape += key + ":"
                result[key] = abstract(dictionary[key]!, &values, &shape)
                shape += ","
            }
            shape += "}"
            return result
        case let array as [Any]:
            shape += "[\(array.count)"
            let result = array.map { abstract($0, &values, &shape) }
            shape += "]"
            return result
        case let flag as Bool:
            shape += flag ? "T" : "F"
            return flag
        default:
            shape += "s"
            values.append(value as? String ?? "\(value)")
            return "\(open)\(values.count - 1)&\(close)"
        }
    }

    /// Splits rendered output at the placeholders; nil when any placeholder came out changed.
    private static func make(_ output: String, count: Int) -> Stencil? {
        var literals: [String] = [], holes: [(Int, Bool)] = []
        var rest = Substring(output)
        while let start = rest.firstIndex(of: open) {
            guard let end = rest[start...].firstIndex(of: close) else { return nil }
            literals.append(String(rest[..<start]))
            let inner = rest[rest.index(after: start)..<end]
            let escaped = inner.hasSuffix("&amp;")
            guard escaped || inner.hasSuffix("&"), let index = Int(inner.dropLast(escaped ? 5 : 1)), index < count else { return nil }
            holes.append((index, escaped))
            rest = rest[rest.index(after: end)...]
        }
        literals.append(String(rest))
        return Stencil(literals: literals, holes: holes)
    }

    /// The escaping Mustache applies to `{{x}}`, byte by byte: each `<` `>` `&` `"` `'` is
    /// replaced, whatever follows it (a combining mark included).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out = [UInt8]()
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
