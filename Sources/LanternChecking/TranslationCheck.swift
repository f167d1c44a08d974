import LanternLoading
import LanternModel

/// Members who read another language than the site's get a theme's greeting and a letter in
/// their language when its translation exists (`<slug>.<language>.md`), else the text as
/// written: a warning per theme or letter and language, with how many members it concerns.
enum TranslationCheck {
    static func check(_ content: SiteContent) -> [Diagnostic] {
        let site = content.config.language
        guard content.locales.count > 1 else { return [] }
        let active = content.roster.filter { $0.status == .active && $0.language != site }
        guard !active.isEmpty else { return [] }
        var d = Diagnostics()
        for theme in content.themes.sorted(by: { $0.slug < $1.slug }) {
            let audience = ThemeRules.audience(of: theme, policy: content.policy)
            let readers = Dictionary(grouping: active.filter { audience.admits($0) }, by: \.language)
            for (language, members) in readers.sorted(by: { $0.key < $1.key }) where theme.translations[language] == nil {
                d.warning(missing(members.count, language, site), at: theme.location,
                          hint: "write content/themes/\(theme.slug).\(language).md with the greeting in \(language)")
            }
        }
        let byID = Dictionary(active.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for letter in content.letters.sorted(by: { $0.slug < $1.slug }) {
            let readers = Dictionary(grouping: letter.recipients.compactMap { byID[$0] }, by: \.language)
            for (language, members) in readers.sorted(by: { $0.key < $1.key }) where letter.translations[language] == nil {
                d.warning(missing(members.count, language, site), at: letter.location,
                          hint: "write content/letters/\(letter.slug).\(language).md with the letter in \(language)")
            }
        }
        return d.all
    }

    private static func missing(_ count: Int, _ language: String, _ site: String) -> String {
        "no `\(language)` version: \(count) member\(count == 1 ? "" : "s") whose language is \(language) will read it in \(site)"
    }
}
