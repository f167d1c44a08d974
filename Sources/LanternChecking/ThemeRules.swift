import LanternModel

/// Checks each theme against the policy: occasion allowed, budget within the occasion's cap,
/// audience compatible; and each year's festival themes against the annual cap per member.
enum ThemeRules {
    static func check(_ themes: [Theme], policy: Policy, roster: [Member]) -> [Diagnostic] {
        var d = Diagnostics()
        for theme in themes {
            let key = theme.policyKey
            guard let rule = policy.rule(for: key), rule.allowed else {
                d.error("occasion `\(key)` is not allowed by the policy「\(policy.name)」",
                        at: theme.occasionLocation ?? theme.location,
                        hint: policy.rule(for: key) == nil
                            ? "add `\(key): { allowed: true }` under occasions in the policy, if your rules allow it"
                            : "the policy says `allowed: false` for \(key); use another occasion or another policy")
                continue
            }
            if let cap = rule.cap, theme.budget > cap {
                d.error("budget \(theme.budget) is above the \(key) cap \(cap) of「\(policy.name)」",
                        at: theme.budgetLocation ?? theme.location, hint: "lower `budget` to at most \(cap.plainYuan)")
            }
            if let required = rule.audience.gender, let own = theme.audience.gender, own != required {
                d.error("audience gender \(own.rawValue) contradicts the policy's \(required.rawValue) for \(key)",
                        at: theme.occasionLocation ?? theme.location, hint: "remove `gender` or set it to \(required.rawValue)")
            }
        }
        if let cap = policy.annualCap { d.append(contentsOf: annualCap(cap, themes, policy, roster)) }
        return d.all
    }

    /// The audience a theme really has: its own, narrowed by the policy's rule for its occasion.
    static func audience(of theme: Theme, policy: Policy) -> Audience {
        var audience = theme.audience
        if audience.gender == nil { audience.gender = policy.rule(for: theme.policyKey)?.audience.gender }
        return audience
    }

    private static func annualCap(_ cap: Money, _ themes: [Theme], _ policy: Policy, _ roster: [Member]) -> [Diagnostic] {
        var byYear: [Int: [Theme]] = [:]
        for theme in themes {
            guard case .fixed(let day) = theme.schedule, policy.rule(for: theme.policyKey)?.festival == true else { continue }
            byYear[day.year, default: []].append(theme)
        }
        var diagnostics: [Diagnostic] = []
        for (year, festivals) in byYear.sorted(by: { $0.key < $1.key }) {
            let audiences = festivals.map { audience(of: $0, policy: policy) }
            var over: [(MemberID, Money)] = []
            for member in roster where member.status == .active {
                let total = zip(festivals, audiences).reduce(Money.zero) { sum, pair in
                    pair.1.admits(member) ? sum + pair.0.budget : sum
                }
                if total > cap { over.append((member.id, total)) }
            }
            guard let worst = over.max(by: { $0.1 < $1.1 }) else { continue }
            let last = festivals.max { $0.sortKey < $1.sortKey }!
            let ids = over.prefix(5).map(\.0.rawValue).joined(separator: ", ")
            diagnostics.append(.error(
                "\(year) festival themes \(festivals.map(\.slug.rawValue).sorted().joined(separator: ", ")) give up to "
                    + "\(worst.1) per member, above the annual cap \(cap) of「\(policy.name)」: "
                    + "\(over.count) member\(over.count == 1 ? "" : "s") affected (\(ids)\(over.count > 5 ? ", …" : ""))",
                at: last.budgetLocation ?? last.location,
                hint: "lower the budgets so that a member's festival total for \(year) stays within \(cap)"))
        }
        return diagnostics
    }
}
