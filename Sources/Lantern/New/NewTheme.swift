import Foundation
import LanternLoading
import LanternModel

/// `lantern new theme NAME --occasion KEY`: writes `content/themes/NAME.md` for an occasion the
/// site's policy allows, from the occasion's preset (`ThemeDraft`). Never overwrites a file.
package enum NewTheme {
    package struct Result: Sendable {
        /// `content/themes/mid-autumn-2026.md`.
        package var path: String
        package var occasion: Occasion
        /// The festival's day; nil for birthdays.
        package var day: Day?
        package var budget: Money
        package var policyName: String
    }

    /// `year`: the festival's Gregorian year; default the year of its next day on or after `today`.
    package static func create(site: URL, name: String, occasion key: String, year: Int? = nil,
                               today: Day) throws(DiagnosticsError) -> Result {
        let (policy, policyPath) = try Policy.loadWithPath(site: site)
        let path = "content/themes/\(name).md"
        let draft = try draft(name: name, occasion: key, year: year, today: today, policy: policy, policyPath: policyPath,
                              alternatives: { key in Policy.available(site: site).filter { $0.path != policyPath && $0.policy.rule(for: key)?.allowed == true } })
        let folder = site.appending(path: "content/themes")
        let file = folder.appending(path: "\(name).md")
        if FileManager.default.fileExists(atPath: file.path) {
            throw DiagnosticsError([.error("\(path) already exists; lantern new theme does not overwrite a theme", at: SourceLocation(file: path),
                                           hint: "choose another name, or delete the file first if you mean to start it again")])
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Without overwriting: a file that appeared since the check is kept, and this fails.
            try Data(draft.text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw DiagnosticsError([.error("cannot write \(path): \(error.localizedDescription)", at: SourceLocation(file: path),
                                           hint: "check that the site folder is writable")])
        }
        return Result(path: path, occasion: draft.occasion, day: draft.day, budget: draft.budget, policyName: policy.name)
    }

    /// The occasion whose key is `text`, or the one occasion whose Chinese name holds it (at
    /// least two characters: `中秋`, `端午节`, `三八`).
    static func occasion(named text: String) -> Occasion? {
        if let occasion = Occasion(rawValue: text) { return occasion }
        guard text.count >= 2 else { return nil }
        let found = Occasion.allCases.filter { $0.chineseName.contains(text) }
        return found.count == 1 ? found[0] : nil
    }

    /// The draft for `key` under `policy`, or the reasons there is none: a name that cannot be a
    /// URL, an unknown occasion, one the policy does not allow, a year the calendar does not cover.
    static func draft(name: String, occasion given: String, year: Int?, today: Day, policy: Policy, policyPath: String,
                      alternatives: (String) -> [(path: String, policy: Policy)] = { _ in [] }) throws(DiagnosticsError) -> ThemeDraft {
        var d = Diagnostics()
        // `中秋`, `中秋节`, `三八` as `lantern calendar` prints them: the occasion's key.
        let key = Self.occasion(named: given)?.rawValue ?? given
        if !Slug.isValid(name) {
            let suggestion = Slug.isValid(name.lowercased()) ? name.lowercased() : "mid-autumn-\(today.year)"
            d.error("theme name `\(name)` cannot be a web address", at: nil,
                    hint: "use lower-case letters, digits and dashes, e.g. `\(suggestion)`: it becomes shop/\(suggestion)/")
        }
        let known = Occasion.allCases.map(\.rawValue)
        guard let occasion = Occasion(rawValue: key) else {
            let close = Suggestion.closest(to: key, in: known).map { "did you mean `\($0)`? " } ?? ""
            d.error("unknown occasion `\(key)`", at: nil, hint: "\(close)known occasions: \(known.joined(separator: ", "))")
            throw DiagnosticsError(d.all)
        }
        guard let rule = policy.rule(for: key), rule.allowed else {
            let allowed = allowedOccasions(policy)
            let ruleAt = policy.rule(for: key)?.location
            let others = alternatives(key)
            let elsewhere = others.isEmpty ? "or name a policy that allows it in content/site.yaml (`policy:`)"
                : "or, if it is yours, choose " + others.map { "\($0.path) (「\($0.policy.name)」)" }.joined(separator: " or ")
                    + ", which allow\(others.count == 1 ? "s" : "") it, in content/site.yaml (`policy: \(others[0].path.dropFirst("content/".count))`)"
            d.error("occasion `\(key)` (\(occasion.chineseName)) is not allowed by the policy「\(policy.name)」(\(policyPath))",
                    at: ruleAt ?? SourceLocation(file: policyPath),
                    hint: (allowed.isEmpty ? "the policy allows no occasion" : "it allows: \(allowed.joined(separator: ", "))")
                        + (ruleAt == nil ? "; it does not list \(key)" : "")
                        + "; if your rules permit \(key), set `\(key): { allowed: true }` under occasions in \(policyPath), "
                        + elsewhere)
            throw DiagnosticsError(d.all)
        }
        var festivalYear: Int?, day: Day?
        if occasion == .birthday {
            if let year {
                d.error("a birthday theme has no year (`--year \(year)`)", at: nil,
                        hint: "leave out --year: a birthday theme is each member's own day, every year")
            }
        } else {
            do {
                festivalYear = try year ?? nextYear(of: occasion, from: today)
                day = try occasion.day(in: festivalYear!)
                if day == nil { d.error("the calendar has no \(occasion.chineseName) in \(festivalYear!)", at: nil, hint: "give another --year") }
            } catch {
                d.error("\(error)", at: nil, hint: "give --year within the calendar's years")
            }
        }
        try d.throwIfErrors()
        return ThemeDraft(occasion: occasion, year: festivalYear, day: day, rule: rule, policy: policy, policyPath: policyPath)
    }

    /// The occasion keys `--occasion` may take under `policy`, in calendar order.
    package static func allowedOccasions(_ policy: Policy) -> [String] {
        Occasion.allCases.filter { policy.rule(for: $0.rawValue)?.allowed == true }.map(\.rawValue)
    }

    /// The year of the occasion's next day on or after `today`.
    static func nextYear(of occasion: Occasion, from today: Day) throws(CalendarError) -> Int {
        if let day = try occasion.day(in: today.year), day >= today { return today.year }
        return today.year + 1
    }
}
