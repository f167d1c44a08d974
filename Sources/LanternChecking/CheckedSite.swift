import LanternLoading
import LanternModel

/// The second stage: the loaded site with the policy applied. Themes carry the audience the
/// policy allows, each theme has its compliant shop items, and the audit says why for each item.
package struct CheckedSite: Sendable {
    package var content: SiteContent
    /// Themes in portal order (festivals by date, then birthdays), audiences narrowed by the policy.
    package var themes: [Theme]
    package var shopItems: [Slug: [Product]]
    package var audit: Audit
    package var warnings: [Diagnostic]

    /// Fails on policy errors (occasion not allowed, budget above a cap, annual cap exceeded).
    /// With `strict`, an item hidden by a union-fund rule is an error too. With `today` (the day
    /// the site is built for), roster dates after it are warnings.
    package static func check(_ content: SiteContent, strict: Bool = false, today: Day? = nil) throws(DiagnosticsError) -> CheckedSite {
        var d = Diagnostics()
        d.append(contentsOf: content.warnings)
        if let today { d.append(contentsOf: RosterDates.check(content.roster, today: today)) }
        d.append(contentsOf: Eligibility.emptyThemes(content.themes, catalog: content.catalog))
        d.append(contentsOf: TranslationCheck.check(content))
        let policy = content.policy
        d.append(contentsOf: ThemeRules.check(content.themes, policy: policy, roster: content.roster))

        var themes = content.themes.sorted { ($0.sortKey, $0.slug) < ($1.sortKey, $1.slug) }
        for i in themes.indices { themes[i].audience = ThemeRules.audience(of: themes[i], policy: policy) }
        var shopItems: [Slug: [Product]] = [:]
        for theme in themes {
            let rule = policy.rule(for: theme.policyKey)
            shopItems[theme.slug] = content.catalog.filter {
                Compliance.exclusion(of: $0, from: theme, rule: rule, policy: policy) == nil
            }
        }
        d.append(contentsOf: Eligibility.uncoveredCities(themes, shopItems: shopItems, roster: content.roster))
        let audit = Audit.make(themes: themes, catalog: content.catalog, roster: content.roster, letters: content.letters, policy: policy)
        var reported = Set<String>()
        for line in audit.items where line.byPolicy && reported.insert(line.sku).inserted {
            let item = content.catalog.first { $0.sku.rawValue == line.sku }!
            d.append(Diagnostic(strict ? .error : .warning, "item \(line.sku) \(line.name) is hidden: \(line.reason)",
                                at: item.location, hint: "remove it from the catalog, or ask the supplier for a compliant item"))
        }
        try d.throwIfErrors()
        return CheckedSite(content: content, themes: themes, shopItems: shopItems, audit: audit, warnings: d.all)
    }
}
