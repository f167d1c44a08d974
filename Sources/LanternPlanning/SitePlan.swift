import LanternChecking
import LanternModel

/// Which pages exist and where: the plan the renderer and writer follow.
///
/// Shared pages are few and listed in full. Member pages are many (100,000 members, several
/// themes), so the plan keeps one small `MemberPlan` per member and the renderer makes the
/// member's pages from it when their turn comes, keeping memory bounded.
package struct SitePlan: Sendable {
    /// Pages every visitor may see: portal, shops, shared item lists, care menu.
    package var shared: [Page]
    /// Members with pages, in roster order.
    package var members: [MemberPlan]

    /// One row per member with pages, for `private/links.csv`.
    package var links: [MemberLink] { members.map(\.link) }

    package struct MemberLink: Sendable {
        package var member: Member
        /// Relative to the site root, e.g. `m/<token>/`.
        var path: String

        /// The member's full link: base URL (when set), folder, and, when pages are encrypted
        /// (`secret` given), the key fragment `#k=…`.
        package func url(baseURL: String?, secret: Secret? = nil) -> String {
            (baseURL ?? "") + path + (secret.map { "#k=" + MemberKey.fragment(for: member.id, secret: $0) } ?? "")
        }
    }

    /// Plans every page for `today`: the portal, shops of open and upcoming themes, the care
    /// menu; for each active member with an open theme or a letter, a home page (cards and
    /// letters) and one storefront per open theme; and for each open theme, one item list per
    /// delivery city its members live in, which those members' storefronts share.
    package static func make(_ site: CheckedSite, today: Day, secret: Secret) -> SitePlan {
        let content = site.content
        let themes = site.themes
        let open = themes.filter { $0.status(on: today) == .open }
        let upcoming = themes.filter { $0.status(on: today) == .upcoming }
        let language = content.config.language
        var shared: [Page] = [Page(path: "index.html", content: .portal(open: open, upcoming: upcoming), language: language)]
        for theme in open + upcoming {
            shared.append(Page(path: "shop/\(theme.slug)/index.html", content: .shop(theme, items: site.shopItems[theme.slug] ?? []), language: language))
        }
        shared.append(Page(path: "menu/index.html", content: .menuIndex, language: language))
        for package in content.menu {
            shared.append(Page(path: "menu/\(package.slug)/index.html", content: .menuPackage(package), language: language))
        }

        var byRecipient: [MemberID: [Letter]] = [:]
        for letter in content.letters { for id in letter.recipients { byRecipient[id, default: []].append(letter) } }
        let letters = byRecipient
        // Tokens (HMAC) and occasion days for 100,000 members: on all cores, in roster order.
        let active = content.roster.filter { $0.status == .active }
        let planned = try! Parallel.map(active, chunk: 1024) { member -> MemberPlan? in // cannot throw
            let cards = open.compactMap { theme -> Page.Card? in
                guard theme.audience.admits(member), let day = theme.occasionDay(for: member, on: today) else { return nil }
                return Page.Card(theme: theme, day: day, itemsPath: ItemGroup.path(theme: theme.slug, city: member.city,
                                                                             language: member.language == language ? nil : member.language, secret: secret))
            }
            let mail = letters[member.id] ?? []
            // Themes that closed for the member in the last days: their page asks how it went.
            let feedback = themes.compactMap { theme -> Page.Card? in
                guard theme.audience.admits(member),
                      let day = theme.closedDay(for: member, on: today, within: content.config.feedbackDays) else { return nil }
                return Page.Card(theme: theme, day: day, itemsPath: "")
            }
            guard !cards.isEmpty || !mail.isEmpty || !feedback.isEmpty else { return nil }
            return MemberPlan(member: member, folder: "m/\(MemberToken.token(for: member.id, secret: secret))/",
                              cards: cards, letters: mail, feedback: feedback)
        }
        let members = planned.compactMap { $0 }
        var groups: [String: (Theme, String, String)] = [:]
        for plan in members {
            for card in plan.cards where groups[card.itemsPath] == nil {
                groups[card.itemsPath] = (card.theme, plan.member.city, plan.member.language)
            }
        }
        for (path, (theme, city, listLanguage)) in groups.sorted(by: { $0.key < $1.key }) {
            let items = Eligibility.items(site.shopItems[theme.slug] ?? [], deliveredTo: city)
            shared.append(Page(path: path, content: .itemList(theme, items: items), language: listLanguage))
        }
        return SitePlan(shared: shared, members: members)
    }
}

/// One member's pages: a home page with cards and letters, and a storefront per open theme.
package struct MemberPlan: Sendable {
    package var member: Member
    /// `m/<token>/`
    var folder: String
    package var cards: [Page.Card]
    var letters: [Letter]
    /// Themes that closed for the member within the feedback window (`feedback.window`).
    package var feedback: [Page.Card] = []

    /// The member's row of `private/links.csv` (and of a report's reminders).
    package var link: SitePlan.MemberLink { SitePlan.MemberLink(member: member, path: folder) }

    package var pages: [Page] {
        zip(paths, [.memberHome(member, cards: cards, letters: letters, feedback: feedback)] + cards.map { .storefront(member, $0) })
            .map { Page(path: $0, content: $1, language: member.language) }
    }

    /// The pages' paths, without making the pages.
    package var paths: [String] { [folder + "index.html"] + cards.map { folder + "\($0.theme.slug)/index.html" } }
}
