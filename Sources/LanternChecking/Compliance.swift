import LanternModel

/// Applies the union-fund policy to items: which may be bought for a theme, and why not.
package enum Compliance {
    /// Why an item is not in a theme's shop; `byPolicy` when a union-fund rule is the reason
    /// rather than the shop's own selection (tags, stock, budget).
    struct Exclusion: Sendable, Equatable {
        var reason: String
        var byPolicy: Bool
    }

    /// The reason for items a theme's shop does not carry at all; the HTML audit leaves these out.
    package static let notTagged = "不属于本专区 not tagged for this theme"

    /// Why an item may never be bought with union funds under `policy`, or nil.
    static func violation(of item: Product, under policy: Policy) -> String? {
        if policy.forbiddenCategories.contains(item.category) {
            return "禁止类别「\(item.category)」 forbidden category"
        }
        if let word = policy.forbiddenWords.first(where: { item.name.contains($0) }) {
            return "名称含禁用词「\(word)」 forbidden word in name"
        }
        if item.kind == .voucher && item.voucher == nil {
            return "通用代金券 general voucher (not for a cake or a named product)"
        }
        return nil
    }

    /// Why `item` is not in `theme`'s shop, or nil when it is shown. A rule that forbids the item
    /// everywhere comes first; then the shop's tags and categories; then the occasion's voucher
    /// rule; then availability and budget.
    static func exclusion(of item: Product, from theme: Theme, rule: Policy.Rule?, policy: Policy) -> Exclusion? {
        if let violation = violation(of: item, under: policy) { return Exclusion(reason: violation, byPolicy: true) }
        if item.tags.isDisjoint(with: theme.tags) { return Exclusion(reason: notTagged, byPolicy: false) }
        if let categories = theme.categories, !categories.contains(item.category) {
            return Exclusion(reason: "不在本专区类别 category not offered", byPolicy: false)
        }
        if item.kind == .voucher, let kind = item.voucher, !(rule?.vouchers.contains(kind) ?? false) {
            return Exclusion(reason: "该场合不允许此类兑换券 voucher kind `\(kind.rawValue)` not allowed for \(theme.policyKey)",
                             byPolicy: true)
        }
        if !item.active { return Exclusion(reason: "已下架 inactive", byPolicy: false) }
        if !item.isInStock { return Exclusion(reason: "无库存 out of stock", byPolicy: false) }
        if item.price > theme.budget {
            return Exclusion(reason: "超出预算 price above budget (\(item.price) > \(theme.budget))", byPolicy: false)
        }
        return nil
    }
}
