import Foundation
import LanternModel

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
final class StencilCache: Sendable {
    private struct Stencil: Sendable {
        var literals: [String]
        /// For each hole between literals: the value index, and whether to escape it.
        var holes: [(index: Int, escaped: Bool)]
        /// The bytes of all literals.
        var size: Int
    }

    private let stencils = Locked<[String: Stencil?]>([:])

    private static let open: Unicode.Scalar = "\u{E000}", close: Unicode.Scalar = "\u{E001}"

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
        fill(kind, context, constant, render).map { String(decoding: $0, as: UTF8.self) } ?? render(context)
    }

    /// The same as bytes, for a page about to be written.
    func renderData(_ kind: String, _ context: [String: Any], constant: Set<String> = [],
                    _ render: ([String: Any]) -> String) -> Data {
        fill(kind, context, constant, render).map { Data($0) } ?? Data(render(context).utf8)
    }

    /// The stencil of the context's shape filled with its values; nil when the templates do
    /// not allow a stencil for it.
    private func fill(_ kind: String, _ context: [String: Any], _ constant: Set<String>,
                      _ render: ([String: Any]) -> String) -> [UInt8]? {
        var values: [String] = []
        var shape = kind + "|"
        let keys = context.keys.sorted()
        for key in keys {
            shape += key + ":"
            if !constant.contains(key) { Self.collect(context[key]!, &values, &shape) }
            shape += ","
        }
        let stencil: Stencil? = stencils.value[shape] ?? {
            // First context of this shape: render it with placeholders, numbered in the order
            // `collect` found the values.
            var next = 0
            var abstract: [String: Any] = [:]
            for key in keys { abstract[key] = constant.contains(key) ? context[key]! : Self.placeholders(context[key]!, &next) }
            let made = Self.make(render(abstract), count: values.count)
            stencils.update { $0[shape] = .some(made) }
            return made
        }()
        guard let stencil else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(stencil.size + values.reduce(0) { $0 + $1.utf8.count } + 64)
        out += stencil.literals[0].utf8
        for (i, hole) in stencil.holes.enumerated() {
            if hole.escaped { MustacheHTML.escape(values[hole.index], into: &out) } else { out += values[hole.index].utf8 }
            out += stencil.literals[i + 1].utf8
        }
        return out
    }

    /// Collects the text and number leaves of a value, in order, and writes its shape: keys,
    /// list lengths and flags (a flag is part of the shape, not a value).
    private static func collect(_ value: Any, _ values: inout [String], _ shape: inout String) {
        if let text = value as? String {
            shape += "s"
            values.append(text)
        } else if let dictionary = value as? [String: Any] {
            shape += "{"
            for key in dictionary.keys.sorted() {
                shape += key + ":"
                collect(dictionary[key]!, &values, &shape)
                shape += ","
            }
            shape += "}"
        } else if let array = value as? [Any] {
            shape += "[\(array.count)"
            for element in array { collect(element, &values, &shape) }
            shape += "]"
        } else if let flag = value as? Bool {
            shape += flag ? "T" : "F"
        } else {
            shape += "s"
            values.append("\(value)")
        }
    }

    /// The value with each leaf `collect` collects replaced by its numbered placeholder.
    private static func placeholders(_ value: Any, _ next: inout Int) -> Any {
        if let dictionary = value as? [String: Any] {
            var result: [String: Any] = [:]
            for key in dictionary.keys.sorted() { result[key] = placeholders(dictionary[key]!, &next) }
            return result
        } else if let array = value as? [Any] {
            return array.map { placeholders($0, &next) }
        } else if let flag = value as? Bool {
            return flag
        } else {
            defer { next += 1 }
            return "\(open)\(next)&\(close)"
        }
    }

    /// Splits rendered output at the placeholders; nil when any placeholder came out changed.
    /// Searches scalars, not Characters: text just before a placeholder may join it into one
    /// Character (a prepended mark such as U+0600), and the placeholder must still be found.
    private static func make(_ output: String, count: Int) -> Stencil? {
        let scalars = output.unicodeScalars
        var literals: [String] = [], holes: [(Int, Bool)] = []
        var literalStart = scalars.startIndex
        while let start = scalars[literalStart...].firstIndex(of: open) {
            guard let end = scalars[start...].firstIndex(of: close) else { return nil }
            literals.append(String(Substring(scalars[literalStart..<start])))
            let inner = String(Substring(scalars[scalars.index(after: start)..<end]))
            let escaped = inner.hasSuffix("&amp;")
            guard escaped || inner.hasSuffix("&"), let index = Int(inner.dropLast(escaped ? 5 : 1)), index < count else { return nil }
            holes.append((index, escaped))
            literalStart = scalars.index(after: end)
        }
        literals.append(String(Substring(scalars[literalStart...])))
        return Stencil(literals: literals, holes: holes, size: literals.reduce(0) { $0 + $1.utf8.count })
    }
}
