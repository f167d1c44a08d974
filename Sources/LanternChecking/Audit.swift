import LanternModel

/// What an auditor reads: per theme its occasion, window, budget, cap, eligible members and
/// the money to plan; per theme and item whether it is shown, and the rule when it is not.
package struct Audit: Sendable {
    package struct ThemeLine: Sendable {
        package var slug: String
        package var title: String
        package var occasion: String
        /// `2026-06-19`, or `生日 birthday` for personal occasions.
        package var date: String
        package var window: String
        package var budget: Money
        package var cap: Money?
        package var eligibleMembers: Int
        /// Budget × eligible members: what the union must plan for the theme.
        package var plannedTotal: Money
    }
package 
    struct ItemLine: Sendable {
        package var theme: String
        package var sku: String
        package var name: String
        package var category: String
        package var price: Money
        package var shown: Bool
        package var reason: String
        /// Hidden by a union-fund rule (rather than by the shop's own selection).
        package var byPolicy: Bool
    }

    package var policyName: String
    package var policySource: String
    package var annualCap: Money?
    package var themes: [ThemeLine]
    package var items: [ItemLine]
    /// Personal letters and their recipients, counted only: the audit never names a reason.
    package var letters: Int
    package var letterRecipients: Int

    static func make(themes: [Theme], catalog: [Product], roster: [Member], letters: [Letter], policy: Policy) -> Audit {
        var themeLines: [ThemeLine] = []
        var itemLines: [ItemLine] = []
        for theme in themes {
            let rule = policy.rule(for: theme.policyKey)
            let audience = ThemeRules.audience(of: theme, policy: policy)
            let eligible = roster.filter { member in
                guard member.status == .active, audience.admits(member) else { return false }
                if case .birthday = theme.schedule { return member.birthday != nil }
                return true
            }.count
            var date = "生日 birthday", window = "生日前 \(theme.opens) 天至后 \(theme.closes) 天"
            if case .fixed(let day) = theme.schedule {
                let range = theme.window(around: day)
                date = day.description
                window = "\(range.lowerBound) – \(range.upperBound)"
            }
            themeLines.append(ThemeLine(
                slug: theme.slug.rawValue, title: theme.title, occasion: theme.occasion.map { "\($0.chineseName) \($0.rawValue)" } ?? Policy.custom,
                date: date, window: window, budget: theme.budget, cap: rule?.cap, eligibleMembers: eligible,
                plannedTotal: Money(fen: theme.budget.fen * Int64(eligible))))
            for item in catalog {
                let exclusion = Compliance.exclusion(of: item, from: theme, rule: rule, policy: policy)
                itemLines.append(ItemLine(
                    theme: theme.slug.rawValue, sku: item.sku.rawValue, name: item.name, category: item.category,
                    price: item.price, shown: exclusion == nil, reason: exclusion?.reason ?? "",
                    byPolicy: exclusion?.byPolicy ?? false))
            }
        }
        return Audit(policyName: policy.name, policySource: policy.source, annualCap: policy.annualCap,
                     themes: themeLines, items: itemLines, letters: letters.count,
                     letterRecipients: Set(letters.flatMap(\.recipients)).count)
    }
}
