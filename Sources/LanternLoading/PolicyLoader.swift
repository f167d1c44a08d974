import LanternModel

/// Reads the union-fund policy (`content/policy.yaml`, or the file `site.yaml` names).
enum PolicyLoader {
    static let ruleKeys = YAMLKeys("occasion rule", [
        "allowed": .value, "cap": .value, "audience": .group(YAMLKeys("audience", ["gender": .value])),
        "vouchers": .list, "festival": .value,
    ])
    static let careKeys = YAMLKeys("care", ["allowed": .value, "cap": .value])
    static let keys = YAMLKeys("policy", [
        "name": .value, "source": .value, "annual_cap": .value, "occasions": .entries(.group(ruleKeys)),
        "care": .entries(.group(careKeys)), "forbidden_categories": .list, "forbidden_words": .list,
    ])

    static func load(_ file: TextFile) throws(DiagnosticsError) -> (Policy, [Diagnostic]) {
        var r = try YAMLReader(file.text, file: file.displayPath, keys: keys)
        let name = r.string("name", required: true) ?? ""
        let source = r.string("source") ?? ""
        let annualCap = r.money("annual_cap")
        let known = Occasion.allCases.map(\.rawValue) + [Policy.custom]
        var rules: [String: Policy.Rule] = [:]
        if let occasions = r.entries("occasions") {
            for (name, location, map) in occasions {
                // An unknown occasion's rule is still read, so its own mistakes show in the same pass.
                let parsed = rule(map, occasion: name, &r)
                guard known.contains(name) else {
                    let close = Suggestion.closest(to: name, in: known)
                    r.error("unknown occasion `\(name)`", at: location,
                            hint: close.map { "did you mean `\($0)`?" } ?? "known: \(known.joined(separator: ", "))")
                    continue
                }
                rules[name] = parsed
            }
        } else if r.root.entry("occasions") == nil {
            r.error("missing required key `occasions`", at: r.root.location,
                    hint: "list the occasions that allow welfare, e.g. `occasions: { dragon-boat: { allowed: true } }`")
        }
        let care = self.care(&r)
        let forbiddenCategories = r.list("forbidden_categories") ?? []
        let forbiddenWords = r.list("forbidden_words") ?? []
        let location = r.root.location
        let warnings = try r.finish()
        var policy = Policy(name: name, source: source, annualCap: annualCap, rules: rules,
                            forbiddenCategories: forbiddenCategories, forbiddenWords: forbiddenWords, location: location)
        policy.care = care
        return (policy, warnings)
    }

    private static func rule(_ map: YAMLMap, occasion: String, _ r: inout YAMLReader) -> Policy.Rule {
        var audience = Audience()
        if let a = r.group("audience", in: map), let text = r.string("gender", in: a), !text.isEmpty {
            audience.gender = Member.Gender(rawValue: text.uppercased())
            if audience.gender == nil {
                r.error("unknown gender `\(text)`", at: a.valueLocation("gender"), hint: "use F or M")
            }
        }
        var vouchers: Set<Product.VoucherKind> = []
        for (text, location) in r.listItems("vouchers", in: map) ?? [] {
            guard let kind = Product.VoucherKind(rawValue: text) else {
                r.error("unknown voucher kind `\(text)`", at: location,
                        hint: "use \(Product.VoucherKind.allCases.map(\.rawValue).joined(separator: " or "))")
                continue
            }
            vouchers.insert(kind)
        }
        let personal = occasion == Occasion.birthday.rawValue || occasion == Policy.custom
        return Policy.Rule(allowed: r.flag("allowed", in: map, default: true), cap: r.money("cap", in: map),
                           audience: audience, vouchers: vouchers,
                           festival: r.flag("festival", in: map, default: !personal), location: map.location)
    }

    /// `care:`, the 慰问 kinds: `marriage: { cap: 600 }`, …
    private static func care(_ r: inout YAMLReader) -> [CareKind: Policy.Care] {
        var care: [CareKind: Policy.Care] = [:]
        let known = CareKind.allCases.map(\.rawValue)
        for (name, location, map) in r.entries("care") ?? [] {
            let rule = Policy.Care(allowed: r.flag("allowed", in: map, default: true), cap: r.money("cap", in: map),
                                   location: location)
            guard let kind = CareKind(rawValue: name) else {
                r.error("unknown care kind `\(name)`", at: location,
                        hint: Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
                            ?? "known: \(known.joined(separator: ", "))")
                continue
            }
            care[kind] = rule
        }
        return care
    }
}
