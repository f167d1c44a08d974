/// The union-fund rules a site follows (`content/policy.yaml`): which occasions allow welfare and
/// for whom, caps per occasion and per year, what may never be bought with union funds, and
/// the caps for 慰问 at a member's marriage, childbirth, hospital stay, bereavement, retirement.
public struct Policy: Sendable {
    /// What the policy says about one occasion (`dragon-boat`, `birthday`, … or `custom`).
    public struct Rule: Sendable {
        public var allowed: Bool
        /// Most a member may receive for one theme of this occasion.
        public var cap: Money?
        /// Who may receive it (e.g. female members for `womens-day`), on top of the theme's audience.
        public var audience: Audience
        /// Voucher kinds the occasion allows; every other voucher is hidden from its shops.
        public var vouchers: Set<Product.VoucherKind>
        /// Whether the occasion counts toward the annual festival cap.
        public var festival: Bool
        var location: SourceLocation

        public init(allowed: Bool, cap: Money? = nil, audience: Audience, vouchers: Set<Product.VoucherKind>, festival: Bool, location: SourceLocation) {
            self.allowed = allowed
            self.cap = cap
            self.audience = audience
            self.vouchers = vouchers
            self.festival = festival
            self.location = location
        }
    }

    /// What the policy says about one 慰问 kind (`care:` in the policy).
    public struct Care: Sendable {
        var allowed: Bool
        /// Most one member may receive for one such event; nil when the policy names none.
        var cap: Money?
        var location: SourceLocation

        public init(allowed: Bool, cap: Money? = nil, location: SourceLocation) {
            self.allowed = allowed
            self.cap = cap
            self.location = location
        }
    }

    public var name: String
    /// Where the rules come from, printed in the audit report.
    public var source: String
    /// Most a member may receive across festival occasions in one calendar year.
    public var annualCap: Money?
    var rules: [String: Rule]
    public var forbiddenCategories: [String]
    public var forbiddenWords: [String]
    /// 慰问 kinds the policy names; a kind it does not name has no rule (and no gift can be checked).
    public var care: [CareKind: Care] = [:]
    var location: SourceLocation

    public init(name: String, source: String, annualCap: Money? = nil, rules: [String: Rule], forbiddenCategories: [String], forbiddenWords: [String], care: [CareKind: Care] = [:], location: SourceLocation) {
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
    public static let custom = "custom"

    /// The rule for an occasion; occasions the policy does not name are not allowed.
    public func rule(for occasion: String) -> Rule? { rules[occasion] }
}
