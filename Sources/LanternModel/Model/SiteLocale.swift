import Foundation

/// One language's interface strings, from `templates/locales/<language>.yaml`: every word a
/// member reads that is not the site's own content (greetings, letters, catalog rows).
///
/// Templates write `{{t.storefront.submit}}`; a string may hold `{{variable}}` tags, filled
/// from the page's context where the string stands (`TemplateSet` compiles one set of
/// templates per language). The `format` strings say how dates and money read.
package struct SiteLocale: Sendable {
    /// The file's name without `.yaml`: `zh-CN`, `en`. It is what `lang` attributes carry.
    package var language: String
    /// `templates/locales/en.yaml`, as diagnostics name it.
    package var file: String
    /// Each string by its dotted key (`storefront.submit`).
    package var strings: [String: String]
    /// Where each key's value stands, for diagnostics about the string.
    package var locations: [String: SourceLocation]
    /// `format.months`: twelve month names, for `{{month_name}}` in `format.date`.
    package var months: [String]

    package init(language: String, file: String, strings: [String: String], locations: [String: SourceLocation], months: [String] = []) {
        self.language = language
        self.file = file
        self.strings = strings
        self.locations = locations
        self.months = months
    }

    /// The keys every locale must give, because Lantern itself (not a template) writes them:
    /// formats, the names of item kinds and of occasions, and notes made from the theme.
    package static let requiredKeys: [String] = [
        "format.date", "format.month_day", "format.money",
        "kind.goods", "kind.service", "kind.voucher",
        "cities.all", "cities.only", "audience.female", "audience.male", "audience.selected",
        "occasion.birthday", "window.birthday", "menu.title", "list.separator", "mail.subject", "mail.body",
        "print.instruction", "locked.title", "locked.message", "locked.https_title", "locked.https_detail", "locked.incomplete_title", "locked.incomplete_detail",
    ]

    /// The keys `lantern collect` writes: its pages' wording and, under `refusal.`, the message
    /// for each reason it refuses a submission (`Refusal`'s raw values; a test holds them equal).
    package static let collectorKeys: [String] = [
        "collector.accepted_title", "collector.requested_title", "collector.requested", "collector.thanks_title",
        "collector.thanks", "collector.refused_title", "collector.items", "collector.total", "collector.remaining",
        "collector.receipt", "collector.change", "collector.back", "collector.noback", "collector.closes",
        "collector.form_intro", "collector.form_closes", "collector.form_submit", "collector.form_none",
    ] + ["too-large", "malformed", "unknown-field", "missing-field", "bad-code", "unknown-member", "unknown-theme",
         "theme-not-open", "theme-closed", "not-for-member", "empty-choice", "repeated-item", "ineligible-item",
         "over-budget", "not-in-feedback-window", "bad-rating", "comment-too-long", "already-answered", "unknown-package"]
        .map { "refusal." + $0 }

    package func string(_ key: String) -> String { strings[key] ?? "" }

    /// The string `key` with each `{{name}}` replaced by `values[name]` (plain text; the page
    /// escapes it like any value).
    package func format(_ key: String, _ values: [String: String]) -> String {
        Self.fill(string(key), values)
    }

    /// A day as this language writes it: `2026年6月19日`, `19 June 2026`.
    package func date(_ day: Day) -> String {
        format("format.date", dayValues(day))
    }

    /// A festival day without its year, as a greeting says it: `6月19日`, `19 June`.
    package func monthDay(_ day: Day) -> String {
        format("format.month_day", dayValues(day))
    }

    /// An amount: `¥128.00`, `CNY 128.00`. Always two decimals.
    package func money(_ money: Money) -> String {
        format("format.money", ["amount": money.decimalYuan])
    }

    private func dayValues(_ day: Day) -> [String: String] {
        ["year": String(day.year), "month": String(day.month), "day": String(day.day),
         "month_name": months.count == 12 ? months[day.month - 1] : String(day.month)]
    }

    /// Replaces `{{name}}` (spaces inside allowed) with its value; an unknown name becomes empty.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            out += values[name] ?? ""
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// Which locale a member's roster `language` means, among the site's locales.
package enum LanguageMatch {
    /// The locale named exactly (case-insensitive, `_` as `-`), else one of the same primary
    /// language (`en-GB` → `en`, `zh` → `zh-CN`); nil when there is none.
    package static func match(_ requested: String, in available: [String]) -> String? {
        let wanted = requested.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-").lowercased()
        guard !wanted.isEmpty else { return nil }
        if let exact = available.first(where: { $0.lowercased() == wanted }) { return exact }
        let primary = wanted.split(separator: "-").first.map(String.init) ?? wanted
        return available.sorted().first { $0.lowercased().split(separator: "-").first.map(String.init) == primary }
    }
}
