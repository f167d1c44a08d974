/// The union-fund rules a site follows (`content/policy.yaml`): which occasions allow welfare and
/// for whom, caps per occasion and per year, what may never be bought with union funds, and
/// the caps for 慰问 at a member's marriage, childbirth, hospital stay, bereavement, retirement.
package struct Policy: Sendable {
    /// What the policy says about one occasion (`dragon-boat`, `birthday`, … or `custom`).
    package struct Rule: Sendable {
        package var allowed: Bool
        /// Most a member may receive for one theme of this occasion.
        package var cap: Money?
        /// Who may receive it (e.g. female members for `womens-day`), on top of the theme's audience.
        package var audience: Audience
        /// Voucher kinds the occasion allows; every other voucher is hidden from its shops.
        package var vouchers: Set<Product.VoucherKind>
        /// Whether the occasion counts toward the annual festival cap.
        package var festival: Bool
        /// The rule's line in the policy file.
        package var location: SourceLocation

        package init(allowed: Bool, cap: Money? = nil, audience: Audience, vouchers: Set<Product.VoucherKind>, festival: Bool, location: SourceLocation) {
            self.allowed = allowed
            self.cap = cap
            self.audience = audience
            self.vouchers = vouchers
            self.festival = festival
            self.location = location
        }
    }

    /// What the policy says about one 慰问 kind (`care:` in the policy).
    package struct Care: Sendable {
        var allowed: Bool
        /// Most one member may receive for one such event; nil when the policy names none.
        var cap: Money?
        var location: SourceLocation

        package init(allowed: Bool, cap: Money? = nil, location: SourceLocation) {
            self.allowed = allowed
            self.cap = cap
            self.location = location
        }
    }

    package var name: String
    /// Where the rules come from, printed in the audit report.
    package var source: String
    /// Most a member may receive across festival occasions in one calendar year.
    package var annualCap: Money?
    var rules: [String: Rule]
    package var forbiddenCategories: [String]
    package var forbiddenWords: [String]
    /// 慰问 kinds the policy names; a kind it does not name has no rule (and no gift can be checked).
    package var care: [CareKind: Care] = [:]
    var location: SourceLocation

    package init(name: String, source: String, annualCap: Money? = nil, rules: [String: Rule], forbiddenCategories: [String], forbiddenWords: [String], care: [CareKind: Care] = [:], location: SourceLocation) {
        self.name = name
        self.source = source
        self.annualCap = annualCap
        self.rules = rules
        self.forbiddenCategories = forbiddenCategories
        self.forbiddenWords = forbiddenWords
        self.care = care
        self.location = location
    }

    /// The key of occasions a theme gives by `date:` alone.
    package static let custom = "custom"

    /// The rule for an occasion; occasions the policy does not name are not allowed.
    package func rule(for occasion: String) -> Rule? { rules[occasion] }
}
