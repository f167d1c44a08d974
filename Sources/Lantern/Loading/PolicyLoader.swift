/// Reads the union-fund policy (`content/policy.yaml`, or the file `site.yaml` names).
enum PolicyLoader {
    static let keys = ["name", "source", "annual_cap", "occasions", "forbidden_categories", "forbidden_words"]
    static let ruleKeys = ["allowed", "cap", "audience", "vouchers", "festival"]

    static func load(_ file: TextFile) throws(DiagnosticsError) -> (Policy, [Diagnostic]) {
        var d = Diagnostics()
        let yaml = try YAMLMap.parse(file.text, file: file.displayPath)
        yaml.warnUnknownKeys(keys, context: "policy", into: &d)
        let known = Occasion.allCases.map(\.rawValue) + [Policy.custom]
        var rules: [String: Policy.Rule] = [:]
        if let occasions = yaml.map("occasions", into: &d) {
            for key in occasions.node.keys {
                let name = key.string ?? ""
                guard known.contains(name) else {
                    let close = Suggestion.closest(to: name, in: known)
                    d.error("unknown occasion `\(name)`", at: occasions.location(of: key),
                            hint: close.map { "did you mean `\($0)`?" } ?? "known: \(known.joined(separator: ", "))")
                    continue
                }
                guard let map = occasions.map(name, into: &d) else { continue }
                rules[name] = rule(map, occasion: name, &d)
            }
        } else {
            d.error("missing required key `occasions`", at: yaml.location,
                    hint: "list the occasions that allow welfare, e.g. `occasions: { dragon-boat: { allowed: true } }`")
        }
        let policy = Policy(
            name: yaml.string("name", required: true, into: &d) ?? "",
            source: yaml.string("source", into: &d) ?? "",
            annualCap: yaml.money("annual_cap", into: &d), rules: rules,
            forbiddenCategories: yaml.stringList("forbidden_categories", into: &d) ?? [],
            forbiddenWords: yaml.stringList("forbidden_words", into: &d) ?? [],
            location: yaml.location)
        try d.throwIfErrors()
        return (policy, d.warnings)
    }

    private static func rule(_ map: YAMLMap, occasion: String, _ d: inout Diagnostics) -> Policy.Rule {
        map.warnUnknownKeys(ruleKeys, context: "occasion rule", into: &d)
        var audience = Audience()
        if let a = map.map("audience", into: &d) {
            a.warnUnknownKeys(["gender"], context: "audience", into: &d)
            if let text = a.string("gender", into: &d) {
                audience.gender = Member.Gender(rawValue: text.uppercased())
                if audience.gender == nil {
                    d.error("unknown gender `\(text)`", at: a.location(of: a.entry("gender")!.value), hint: "use F or M")
                }
            }
        }
        var vouchers: Set<Product.VoucherKind> = []
        for text in map.stringList("vouchers", into: &d) ?? [] {
            guard let kind = Product.VoucherKind(rawValue: text) else {
                d.error("unknown voucher kind `\(text)`", at: map.location(of: map.entry("vouchers")!.value),
                        hint: "use \(Product.VoucherKind.allCases.map(\.rawValue).joined(separator: " or "))")
                continue
            }
            vouchers.insert(kind)
        }
        let personal = occasion == Occasion.birthday.rawValue || occasion == Policy.custom
        return Policy.Rule(allowed: flag("allowed", map, default: true, &d), cap: map.money("cap", into: &d),
                           audience: audience, vouchers: vouchers,
                           festival: flag("festival", map, default: !personal, &d), location: map.location)
    }

    private static func flag(_ key: String, _ map: YAMLMap, default value: Bool, _ d: inout Diagnostics) -> Bool {
        guard let text = map.string(key, into: &d), !text.isEmpty else { return value }
        guard let flag = FieldParsers.bool(text) else {
            d.error("bad `\(key)` value `\(text)`", at: map.location(of: map.entry(key)!.value), hint: "use true or false")
            return value
        }
        return flag
    }
}
