/// The union-fund rules a site follows (`content/policy.yaml`): which occasions allow welfare and
/// for whom, caps per occasion and per year, and what may never be bought with union funds.
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
        public var location: SourceLocation
    }

    public var name: String
    /// Where the rules come from, printed in the audit report.
    public var source: String
    /// Most a member may receive across festival occasions in one calendar year.
    public var annualCap: Money?
    public var rules: [String: Rule]
    public var forbiddenCategories: [String]
    public var forbiddenWords: [String]
    public var location: SourceLocation

    /// The key of occasions a theme gives by `date:` alone.
    public static let custom = "custom"

    /// The rule for an occasion; occasions the policy does not name are not allowed.
    public func rule(for occasion: String) -> Rule? { rules[occasion] }
}
