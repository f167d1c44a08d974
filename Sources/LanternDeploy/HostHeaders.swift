import Foundation

/// The rules of `public/_headers` (the Netlify and Cloudflare Pages format the build writes): a
/// path pattern on a line of its own (`*` matches anything, slashes included), then its headers
/// indented, `Name: value`. A file gets the headers of every rule its path matches; for a header
/// that several rules set, the first rule's value.
struct HostHeaders: Equatable {
    struct Rule: Equatable {
        var pattern: String
        var headers: [(name: String, value: String)]

        static func == (a: Rule, b: Rule) -> Bool {
            a.pattern == b.pattern && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
        }
    }

    var rules: [Rule] = []

    init(_ text: String) {
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
    func headers(for path: String, only: Set<String>) -> [String] {
        var chosen: [String: String] = [:]
        var names: [String: String] = [:]
        for rule in rules where Self.matches(rule.pattern, "/" + path) {
            for header in rule.headers where only.contains(header.name.lowercased()) && chosen[header.name.lowercased()] == nil {
                chosen[header.name.lowercased()] = header.value
                names[header.name.lowercased()] = header.name
            }
        }
        return chosen.keys.sorted().map { "\(names[$0]!): \(chosen[$0]!)" }
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
