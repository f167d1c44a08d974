import Foundation
import LanternChecking
import LanternModel
import LanternOrders
import LanternPlanning

/// One theme's report: who could choose, who did and what, what to order from each supplier,
/// whom to remind, and what was refused.
package struct ThemeReport: Sendable {
    package var theme: Theme
    package var status: Theme.Status
    /// The members the theme is for over its whole window (`Eligibility.isFor`, as the audit
    /// counts them), in roster order: the rate's denominator and the planned budget's.
    package var eligible: [Member]
    /// Every current choice, in roster order (members no longer in the roster last, by id).
    package var orders: [OrderLine]
    /// The purchase order: by supplier, SKU and delivery city.
    package var supply: [SupplyLine]
    /// Members the theme is open to on the report's day (a storefront card in the plan) who
    /// have not chosen, with the link `links.csv` gives them.
    package var reminders: [SitePlan.MemberLink]
    /// Refused submissions that named the theme, by reason.
    package var refusals: [Refusal: Int]
    /// What needs an admin's eye: choices the roster or the catalog no longer matches.
    package var notes: [String]
    /// Ratings and comments members gave after the theme closed (no member id when anonymous).
    package var feedback: [StoredFeedback] = []

    /// How many answers gave each rating, 1 to 5.
    package var ratings: [(rating: Int, count: Int)] {
        (1...5).map { rating in (rating, feedback.filter { $0.rating == rating }.count) }
    }

    /// The mean rating to one decimal (`4.3`), computed in integers; nil without answers.
    package var averageRating: String? {
        guard !feedback.isEmpty else { return nil }
        let tenths = (feedback.reduce(0) { $0 + $1.rating } * 20 + feedback.count) / (feedback.count * 2)
        return "\(tenths / 10).\(tenths % 10)"
    }

    package struct OrderLine: Sendable {
        package var choice: StoredChoice
        /// nil when the roster no longer has the member.
        package var member: Member?
        /// The chosen items, in the order chosen; nil for a SKU the catalog no longer has.
        package var items: [Product?]
        package var total: Money { Money(fen: choice.totalFen) }
    }

    package struct SupplyLine: Sendable, Equatable {
        package var supplier: String
        package var sku: String
        package var name: String
        package var city: String
        package var quantity: Int
        package var unitPrice: Money
        package var amount: Money { Money(fen: unitPrice.fen * Int64(quantity)) }
    }

    /// One department's or city's share of the eligible members.
    package struct Group: Sendable, Equatable {
        package var name: String
        /// Members who chose, of those eligible.
        package var rate: Share
    }

    /// Eligible members who chose, of all eligible members.
    package var overall: Share {
        let chosen = Set(orders.map(\.choice.member))
        return Share(eligible.filter { chosen.contains($0.id.rawValue) }.count, of: eligible.count)
    }

    package var byDepartment: [Group] { groups(\.department) }
    package var byCity: [Group] { groups(\.city) }

    /// Eligible members × the theme's budget.
    package var planned: Money { Money(fen: theme.budget.fen * Int64(eligible.count)) }
    /// The totals of every current choice, as accepted.
    package var used: Money { orders.reduce(Money.zero) { $0 + $1.total } }
    package var budgetUsed: Share { Share(used.fen, of: planned.fen) }

    /// Items by how many current choices hold them (most first, then by SKU).
    package var topItems: [(sku: String, name: String, count: Int)] {
        var counts: [String: (name: String, count: Int)] = [:]
        for line in orders {
            for (sku, item) in zip(line.choice.skus, line.items) {
                counts[sku, default: (item?.name ?? "", 0)].count += 1
            }
        }
        return counts.map { (sku: $0.key, name: $0.value.name, count: $0.value.count) }
            .sorted { ($1.count, $0.sku) < ($0.count, $1.sku) }
    }

    private func groups(_ key: KeyPath<Member, String>) -> [Group] {
        let chosen = Set(orders.map(\.choice.member))
        var rates: [String: Share] = [:]
        for member in eligible {
            rates[member[keyPath: key], default: Share(0, of: 0)].whole += 1
            if chosen.contains(member.id.rawValue) { rates[member[keyPath: key]]!.part += 1 }
        }
        return rates.map { Group(name: $0.key, rate: $0.value) }.sorted { $0.name < $1.name }
    }
}

extension ThemeReport {
    /// The report of `theme` from its current choices. `plan` is the site planned for the
    /// report's day (its cards say whom the theme is open to now).
    static func make(_ theme: Theme, site: CheckedSite, plan: SitePlan, today: Day,
                     choices: [StoredChoice], refusals: [Refusal: Int]) -> ThemeReport {
        let roster = site.content.roster
        let position = Dictionary(roster.enumerated().map { ($0.element.id.rawValue, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let catalog = Dictionary(site.content.catalog.map { ($0.sku.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let eligible = roster.filter { Eligibility.isFor(theme, $0) }
        let eligibleIDs = Set(eligible.map(\.id.rawValue))
        let slug = theme.slug.rawValue
        var notes: [String] = []

        let sorted = choices.sorted { a, b in
            (position[a.member] ?? Int.max, a.member) < (position[b.member] ?? Int.max, b.member)
        }
        var orders: [OrderLine] = []
        var supply: [String: SupplyLine] = [:]
        for choice in sorted {
            let member = position[choice.member].map { roster[$0] }
            let items = choice.skus.map { catalog[$0] }
            orders.append(OrderLine(choice: choice, member: member, items: items))
            let who = "\(choice.member)'s choice for \(slug) (\(choice.receipt))"
            if member == nil {
                notes.append("\(who) names a member the roster no longer has: the order has no name, department or city")
            } else if !eligibleIDs.contains(choice.member) {
                notes.append("\(who) is from a member the theme is no longer for (left, or outside its audience): it is listed, "
                             + "and not counted in the rate")
            }
            for (sku, item) in zip(choice.skus, items) {
                guard let item else {
                    notes.append("\(who) holds \(sku), which the catalog no longer has: it is in no supplier line")
                    continue
                }
                let city = member?.city ?? ""
                let key = [item.supplier, sku, city].joined(separator: "\u{1F}")
                supply[key, default: SupplyLine(supplier: item.supplier, sku: sku, name: item.name, city: city,
                                                quantity: 0, unitPrice: item.price)].quantity += 1
            }
            let now = items.compactMap { $0 }.reduce(Money.zero) { $0 + $1.price }
            if !items.contains(where: { $0 == nil }), now.fen != choice.totalFen {
                notes.append("\(who) was accepted at \(Money(fen: choice.totalFen)); the catalog's prices now make \(now): "
                             + "the supplier lines use the catalog's")
            }
        }

        let chosen = Set(choices.map(\.member))
        let reminders = plan.members
            .filter { plan in !chosen.contains(plan.member.id.rawValue) && plan.cards.contains { $0.theme.slug == theme.slug } }
            .map(\.link)
        return ThemeReport(
            theme: theme, status: theme.status(on: today), eligible: eligible, orders: orders,
            supply: supply.values.sorted { ($0.supplier, $0.sku, $0.city) < ($1.supplier, $1.sku, $1.city) },
            reminders: reminders, refusals: refusals, notes: notes)
    }
}
