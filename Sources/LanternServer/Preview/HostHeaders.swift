import Foundation

/// The site's `_headers` file (Netlify and Cloudflare Pages), read so the preview answers with
/// the headers the host will send: the pages' CSP above all, so a page that breaks it breaks
/// in the preview too.
struct HostHeaders {
    private var rules: [(pattern: String, headers: [(String, String)])] = []

    init(_ file: Data) {
        for line in String(decoding: file, as: UTF8.self).split(separator: "\n") {
            if line.first == " " || line.first == "\t" {
                guard !rules.isEmpty, let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                rules[rules.count - 1].headers.append((name, value))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                rules.append((line.trimmingCharacters(in: .whitespaces), []))
            }
        }
    }

    /// The headers for `path`, from every rule whose pattern matches it (`*` at the end: any rest).
    func `for`(_ path: String) -> [(String, String)] {
        rules.filter { rule in
            rule.pattern.hasSuffix("*") ? path.hasPrefix(rule.pattern.dropLast()) : path == rule.pattern
        }.flatMap(\.headers)
    }
}
