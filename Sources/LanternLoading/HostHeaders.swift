import Foundation

/// The rules of `public/_headers` (the Netlify and Cloudflare Pages format the build writes): a
/// path pattern on a line of its own (`*` matches anything, slashes included), then its headers
/// indented, `Name: value`. A file gets the headers of every rule its path matches; for a header
/// that several rules set, the first rule's value. `lantern deploy` sets them on object stores;
/// `lantern serve` answers with them, as the host will.
package struct HostHeaders: Equatable {
    struct Rule: Equatable {
        var pattern: String
        var headers: [(name: String, value: String)]

        static func == (a: Rule, b: Rule) -> Bool {
            a.pattern == b.pattern && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
        }
    }

    var rules: [Rule] = []

    package init(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            if line.first == " " || line.first == "\t" {
                guard !rules.isEmpty, let colon = trimmed.firstIndex(of: ":") else { continue }
                rules[rules.count - 1].headers.append((String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces),
                                                       String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            } else {
                rules.append(Rule(pattern: trimmed, headers: []))
            }
        }
    }

    /// The headers for the file at `path` (relative to `public/`), as `Name: value` lines, those
    /// named in `only` (lower case) alone, sorted by name: equal sets compare equal.
    package func headers(for path: String, only: Set<String>) -> [String] {
        fields(for: path).filter { only.contains($0.name.lowercased()) }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }.map { "\($0.name): \($0.value)" }
    }

    /// Every header the file at `path` (relative to `public/`) gets, each once (the first
    /// rule's value), in the order the rules give them.
    package func fields(for path: String) -> [(name: String, value: String)] {
        var seen = Set<String>()
        var fields: [(name: String, value: String)] = []
        for rule in rules where Self.matches(rule.pattern, "/" + path) {
            for header in rule.headers where seen.insert(header.name.lowercased()).inserted { fields.append(header) }
        }
        return fields
    }

    /// `*` matches any run of characters; everything else itself.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == path }
        guard path.hasPrefix(parts[0]) else { return false }
        var rest = Substring(path.dropFirst(parts[0].count))
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) && rest.count >= part.count }
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
