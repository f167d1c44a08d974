import Foundation
import LanternModel
import Yams

/// Reads `templates/locales/<language>.yaml`: nested `key: string` groups, flattened to dotted
/// keys (`storefront: {submit: 提交选择}` is `storefront.submit`), and `format.months`, a list
/// of twelve month names.
///
/// A string may hold `{{variable}}` tags (filled where the template uses it) and nothing else
/// of Mustache: a section or a raw `{{{…}}}` in a string would hide logic or markup in wording.
/// Every locale must have the keys the site language's locale has, so no member ever meets a
/// missing string in their language.
enum LocaleLoader {
    static func load(_ file: TextFile, language: String) throws(DiagnosticsError) -> SiteLocale {
        let map = try YAMLMap.parse(file.text, file: file.displayPath)
        var d = Diagnostics()
        var locale = SiteLocale(language: language, file: file.displayPath, strings: [:], locations: [:])
        flatten(map, prefix: "", into: &locale, &d)
        for key in SiteLocale.requiredKeys + SiteLocale.collectorKeys where locale.strings[key] == nil {
            d.error("`\(key)` is missing from \(file.displayPath)", at: map.location,
                    hint: "Lantern writes it itself; copy it from templates/locales/zh-CN.yaml and translate it")
        }
        try d.throwIfErrors()
        return locale
    }

    private static func flatten(_ map: YAMLMap, prefix: String, into locale: inout SiteLocale, _ d: inout Diagnostics) {
        for (keyNode, value) in map.node {
            let name = keyNode.scalar?.string ?? ""
            let key = prefix + name
            let at = map.location(of: value)
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                d.error("locale key `\(name)` is not a plain name", at: map.location(of: keyNode),
                        hint: "use ASCII letters, digits, `_` and `-`: templates write it as {{t.\(prefix)name}}")
                continue
            }
            if let group = value.mapping {
                flatten(map.group(group, at: value), prefix: key + ".", into: &locale, &d)
            } else if key == "format.months", let list = value.sequence {
                let names = list.compactMap { $0.scalar?.string }
                guard names.count == 12, names.count == list.count else {
                    d.error("`format.months` lists \(list.count) names", at: at, hint: "give the twelve month names, January first")
                    continue
                }
                locale.months = names
            } else if let text = value.scalar?.string, !value.isNull {
                checkTags(text, key: key, at: at, into: &d)
                locale.strings[key] = text
                locale.locations[key] = at
            } else {
                d.error("`\(key)` is not a string", at: at, hint: "write the text after the colon, in quotes if it holds `:` or `#`")
            }
        }
    }

    /// Only `{{name}}` tags: no sections, partials, comments or raw values inside wording.
    private static func checkTags(_ text: String, key: String, at: SourceLocation, into d: inout Diagnostics) {
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                d.error("`\(key)` opens `{{` without closing it", at: at, hint: "write a value as {{name}}")
                return
            }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if inner.isEmpty || !inner.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }) {
                d.error("`\(key)` holds the tag `{{\(inner)}}`: interface strings take only plain {{name}} values",
                        at: at, hint: "move sections, partials and raw HTML into the template; keep the wording in the string")
            }
            rest = rest[close.upperBound...]
        }
    }

    /// Every locale under `templates/locales/`, by language; a locale lacking keys the site
    /// language's has is an error naming each missing key.
    /// `found` gets every language a locale file is named for, loaded or not, so that a file with
    /// errors is not reported again as missing.
    static func read(_ folder: URL, siteLanguage: String, found: inout [String], into d: inout Diagnostics) -> [SiteLocale] {
        var locales: [SiteLocale] = []
        for url in SiteFiles.list(folder, extension: "yaml") where url.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path {
            let language = url.deletingPathExtension().lastPathComponent
            let display = "templates/locales/\(url.lastPathComponent)"
            guard language.range(of: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) != nil else {
                d.error("`\(display)` is not named for a language", at: SourceLocation(file: display),
                        hint: "name locale files by language tag: zh-CN.yaml, en.yaml")
                continue
            }
            found.append(language)
            do {
                locales.append(try load(TextFile.read(url, displayPath: display), language: language))
            } catch {
                d.append(contentsOf: error.diagnostics)
            }
        }
        guard found.count == locales.count, let reference = locales.first(where: { $0.language == siteLanguage }) else { return locales }
        for locale in locales where locale.language != reference.language {
            for key in reference.strings.keys.sorted() where locale.strings[key] == nil {
                d.error("`\(key)` is in \(reference.file) but not in \(locale.file)", at: SourceLocation(file: locale.file),
                        hint: "translate it: members whose language is \(locale.language) would read it")
            }
        }
        return locales
    }
}
