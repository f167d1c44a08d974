import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternPlanning

/// A choice the desk accepted: what the member gets and what it costs.
package struct Order: Sendable {
    package var member: Member
    package var theme: Theme
    package var items: [Product]
    /// The last day the member may change the choice.
    package var closes: Day
    package var total: Money { items.reduce(Money(fen: 0)) { $0 + $1.price } }
    package var remaining: Money { Money(fen: theme.budget.fen - total.fen) }
}

/// Checks a submission against the site, trusting nothing the page sent: the code is computed
/// again from the secret, the theme must be open on the day for that member, every item must be
/// one that member's storefront offers (the same `Eligibility` the build used for the page), and
/// the total within the theme's budget.
package struct OrderDesk: Sendable {
    let site: CheckedSite
    let secret: Secret
    let members: [MemberID: Member]
    let themes: [Slug: Theme]

    package init(site: CheckedSite, secret: Secret) {
        self.site = site
        self.secret = secret
        members = Dictionary(site.content.roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        themes = Dictionary(site.themes.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// `feedback.anonymous` of the site.
    package var anonymousFeedback: Bool { site.content.config.feedbackAnonymous }

    /// Whether `code` is the one the member's page for `theme` carries.
    package func verifies(member: String, theme: String, code: String) -> Bool {
        OrderCode.matches(code, member: MemberID(member), theme: Slug(theme), secret: secret)
    }

    /// The member a submission names, when the roster has them (for the refusal page's language).
    package func member(named id: String) -> Member? { members[MemberID(id)] }

    /// What one member may choose from in one theme on `today`: the items their storefront
    /// offers, once the code proves who asks and the theme is open for them.
    package struct Offer: Sendable {
        package var member: Member
        package var theme: Theme
        package var items: [Product]
        package var closes: Day
    }

    package func offer(member id: String, theme name: String, code: String, on today: Day) -> Result<Offer, Refusal> {
        let memberID = MemberID(id), slug = Slug(name)
        guard OrderCode.matches(code, member: memberID, theme: slug, secret: secret) else { return .failure(.badCode) }
        guard let member = members[memberID], member.status == .active else { return .failure(.unknownMember) }
        guard let theme = themes[slug] else { return .failure(.unknownTheme) }
        switch theme.status(on: today) {
        case .open: break
        case .upcoming: return .failure(.themeNotOpen)
        case .closed: return .failure(.themeClosed)
        }
        guard theme.audience.admits(member), let day = theme.occasionDay(for: member, on: today) else { return .failure(.notForMember) }
        let items = Eligibility.items(site.shopItems[theme.slug] ?? [], deliveredTo: member.city)
        return .success(Offer(member: member, theme: theme, items: items, closes: theme.window(around: day).upperBound))
    }

    package func check(_ submission: Submission, on today: Day) -> Result<Order, Refusal> {
        let offer: Offer
        switch self.offer(member: submission.member, theme: submission.theme, code: submission.code, on: today) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): offer = found
        }
        guard !submission.skus.isEmpty else { return .failure(.emptyChoice) }
        guard Set(submission.skus).count == submission.skus.count else { return .failure(.repeatedItem) }
        let offered = Dictionary(offer.items.map { ($0.sku.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [Product] = []
        for sku in submission.skus {
            guard let item = offered[sku] else { return .failure(.ineligibleItem) }
            items.append(item)
        }
        let theme = offer.theme
        let order = Order(member: offer.member, theme: theme, items: items, closes: offer.closes)
        guard order.total <= theme.budget else { return .failure(.overBudget) }
        return .success(order)
    }
}
