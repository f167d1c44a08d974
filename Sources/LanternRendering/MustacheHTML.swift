import Mustache

/// Every Mustache template Lantern renders is parsed here, so that `{{x}}` escapes HTML byte by byte.
///
/// swift-mustache's own HTML escaping compares Characters, and a quote followed by a combining
/// mark (`"` U+0301) is one Character that is not `"`: it went out raw and ended the attribute it
/// stood in. Lantern registers a content type that replaces every `<` `>` `&` `"` `'` byte,
/// whatever comes before or after it, with Mustache's own replacements, and puts the pragma
/// naming it in front of each template as it parses it: the files stay as their authors wrote
/// them. A partial starts again with the library's HTML type, so every template and partial is
/// parsed this way. Stencils fill values with the same `escape`, so both renderers agree.
package enum MustacheHTML {
    static let contentTypeName = "LANTERN_HTML"

    /// On a line of its own the pragma is a standalone tag: it and its line break render as
    /// nothing, and the template's first line still starts a line. Line n of a template is line
    /// `n + pragmaLines` of what the parser reads; columns are unchanged.
    static let pragma = "{{% CONTENT_TYPE: \(contentTypeName) }}\n"
    static let pragmaLines = 1

    /// Parses `text` with byte-level HTML escaping; errors are the library's, at its positions.
    package static func template(_ text: String) throws -> MustacheTemplate {
        _ = registered
        return try MustacheTemplate(string: pragma + text)
    }

    /// The parser looks the content type up by name, so it is registered before the first parse.
    private static let registered: Void = MustacheContentTypes.register(ContentType(), named: contentTypeName)

    private struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MustacheHTML.escape(text) }
    }

    /// `<` `>` `&` `"` `'` as `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`, byte by byte. These are
    /// ASCII, which never occurs inside a longer UTF-8 sequence, so the result is valid UTF-8.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same, appended to `out` (stencils fill pages as bytes).
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
