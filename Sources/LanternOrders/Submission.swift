import Foundation

/// A choice as the storefront's form sends it (`application/x-www-form-urlencoded`): `member`,
/// `theme` and `code` once each, `sku` once per ticked item, and nothing else.
package struct Submission: Sendable, Equatable {
    package var member: String
    package var theme: String
    package var code: String
    package var skus: [String]

    package init(member: String, theme: String, code: String, skus: [String]) {
        self.member = member
        self.theme = theme
        self.code = code
        self.skus = skus
    }

    /// A form of a few dozen items is well under 4 KiB; anything far larger is not from a page.
    package static let maxBytes = 16 * 1024

    /// A choice from its form body (`FormBody`): `member`, `theme` and `code` once each, `sku`
    /// any number of times, nothing else.
    package static func parse(_ body: [UInt8]) -> Result<Submission, Refusal> {
        FormBody.fields(body, allowed: ["member", "theme", "code", "sku"], repeatable: ["sku"]).flatMap { fields in
            guard let member = fields.single("member"), let theme = fields.single("theme"), let code = fields.single("code") else {
                return .failure(.missingField)
            }
            return .success(Submission(member: member, theme: theme, code: code, skus: (fields["sku"] ?? []).filter { !$0.isEmpty }))
        }
    }

    /// The body a browser would send for this submission (for tests and the load generator).
    package var formBody: String {
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
        }
        return (["member=\(encode(member))", "theme=\(encode(theme))", "code=\(encode(code))"]
            + skus.map { "sku=\(encode($0))" }).joined(separator: "&")
    }
}

/// A form body decoded as browsers encode it (WHATWG URL-encoded: `+` is a space, `%XX` a byte,
/// the bytes UTF-8). A field the form does not send, a single field sent twice, a bad percent
/// escape or bytes that are not UTF-8 are refused, never guessed at.
package enum FormBody {
    /// Each field's values, in order; only `allowed` names, and only `repeatable` ones twice.
    package static func fields(_ body: [UInt8], allowed: Set<String>, repeatable: Set<String> = [])
        -> Result<[String: [String]], Refusal> {
        guard body.count <= Submission.maxBytes else { return .failure(.tooLarge) }
        var fields: [String: [String]] = [:]
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : []) else { return .failure(.malformed) }
            guard allowed.contains(name) else { return .failure(.unknownField) }
            guard repeatable.contains(name) || fields[name] == nil else { return .failure(.malformed) }
            fields[name, default: []].append(value)
        }
        return .success(fields)
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        let spaced = bytes.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
        guard let text = String(bytes: spaced, encoding: .utf8) else { return nil }
        // Foundation's decoder: nil for a `%` not followed by two hex digits or for bytes that
        // do not form UTF-8.
        return text.removingPercentEncoding
    }
}

extension [String: [String]] {
    /// The one value of a field that must be there and not empty.
    func single(_ name: String) -> String? {
        guard let value = self[name]?.first, !value.isEmpty else { return nil }
        return value
    }
}
