import LanternLoading
import LanternModel

/// Writes the locale's strings into the templates before they are compiled, so each language
/// has its own compiled set and a page costs nothing more to render in English.
///
/// `{{t.storefront.submit}}` becomes the string, its text HTML-escaped (a locale file is
/// wording, not markup) and its `{{name}}` tags kept, so they are filled, escaped, from the
/// page's context where the string stands.
package enum Localizer {
    static let prefix = "t."

    /// Every `{{t.…}}` tag of `files` must be a plain value whose key every locale has; each
    /// other use is an error at the tag.
    static func check(_ files: [TemplateFile], locales: [SiteLocale], into d: inout Diagnostics) {
        for file in files {
            for tag in MustacheTags.scan(file.text) where tag.name.hasPrefix(prefix) || tag.name == "t" {
                let at = SourceLocation(file: file.displayPath, line: tag.line, column: tag.column)
                guard tag.sigil == nil, tag.name.count > prefix.count else {
                    d.error("`\(tag.name)` is an interface string and can only be shown as {{\(tag.name)}}", at: at,
                            hint: "strings come from templates/locales/; use a section on a page value instead")
                    continue
                }
                let key = String(tag.name.dropFirst(prefix.count))
                if locales.isEmpty {
                    d.error("`{{\(tag.name)}}` needs a locale file", at: at, hint: "add templates/locales/zh-CN.yaml with the key `\(key)`")
                }
                for locale in locales where locale.strings[key] == nil {
                    let close = Suggestion.closest(to: key, in: Array(locale.strings.keys))
                    d.error("`\(key)` is not in \(locale.file)", at: at,
                            hint: close.map { "did you mean `t.\($0)`?" } ?? "add `\(key)` to \(locale.file)")
                }
            }
        }
    }

    /// `files` with every `{{t.key}}` replaced by `locale`'s string (checked by `check` first).
    static func localize(_ files: [TemplateFile], _ locale: SiteLocale) -> [TemplateFile] {
        files.map { file in
            var localized = file
            localized.text = localize(file.text, locale)
            return localized
        }
    }

    /// One template's text with its `{{t.key}}` tags replaced by `locale`'s strings.
    package static func localize(_ text: String, _ locale: SiteLocale) -> String {
        let tags = MustacheTags.scan(text).filter { $0.sigil == nil && $0.name.hasPrefix(prefix) }
        guard !tags.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var at = 0
        for tag in tags {
            out.append(contentsOf: scalars[at..<tag.scalars.lowerBound])
            out.append(contentsOf: template(for: locale.string(String(tag.name.dropFirst(prefix.count)))).unicodeScalars)
            at = tag.scalars.upperBound
        }
        out.append(contentsOf: scalars[at...])
        return String(out)
    }

    /// The string as template text: literal parts escaped, `{{name}}` tags as they are.
    static func template(for string: String) -> String {
        var out = ""
        var rest = Substring(string)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += MustacheHTML.escape(String(rest[..<open.lowerBound]))
            out += rest[open.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
        }
        return out + MustacheHTML.escape(String(rest))
    }
}
