/// Which pages exist and where: the plan the renderer and writer follow.
public struct SitePlan: Sendable {
    public var pages: [Page]
    /// One row per member with pages, for `private/links.csv`.
    public var links: [MemberLink]

    public struct MemberLink: Sendable {
        public var member: Member
        /// Relative to the site root, e.g. `m/<token>/`.
        public var path: String

        /// The link as a member opens it: absolute under `base_url`, else relative to the site root.
        /// The member's full link: base URL (when set), folder, and, when pages are encrypted
        /// (`secret` given), the key fragment `#k=…`.
        public func url(baseURL: String?, secret: Secret? = nil) -> String {
            (baseURL ?? "") + path + (secret.map { "#k=" + MemberKey.fragment(for: member.id, secret: $0) } ?? "")
        }
    }

    /// Plans every page for `today`: the portal, shops of open and upcoming themes, the care
    /// menu, and for each active member with an open theme or a letter, a home page (cards and
    /// letters) and one storefront per open theme.
    public static func make(_ site: CheckedSite, today: Day, secret: Secret) -> SitePlan {
        let content = site.content
        let themes = site.themes
        let open = themes.filter { $0.status(on: today) == .open }
        let upcoming = themes.filter { $0.status(on: today) == .upcoming }
        var pages: [Page] = [Page(path: "index.html", content: .portal(open: open, upcoming: upcoming))]

        let shopItems = site.shopItems
        for theme in open + upcoming {
            pages.append(Page(path: "shop/\(theme.slug)/index.html", content: .shop(theme, items: shopItems[theme.slug] ?? [])))
        }
        pages.append(Page(path: "menu/index.html", content: .menuIndex))
        for package in content.menu {
            pages.append(Page(path: "menu/\(package.slug)/index.html", content: .menuPackage(package)))
        }

        var links: [MemberLink] = []
        // Members of one city share an item list per theme: filter once per (theme, city).
        var cityItems: [Slug: [String: [Product]]] = [:]
        var letters: [MemberID: [Letter]] = [:]
        for letter in content.letters { for id in letter.recipients { letters[id, default: []].append(letter) } }
        for member in content.roster where member.status == .active {
            let cards = open.compactMap { theme -> Page.Card? in
                guard theme.audience.admits(member), let day = theme.occasionDay(for: member, on: today) else { return nil }
                return Page.Card(theme: theme, day: day)
            }
            let mail = letters[member.id] ?? []
            guard !cards.isEmpty || !mail.isEmpty else { continue }
            let folder = "m/\(MemberToken.token(for: member.id, secret: secret))/"
            links.append(MemberLink(member: member, path: folder))
            pages.append(Page(path: folder + "index.html", content: .memberHome(member, cards: cards, letters: mail)))
            for card in cards {
                let slug = card.theme.slug
                let items = cityItems[slug, default: [:]][member.city]
                    ?? Eligibility.items(shopItems[slug] ?? [], deliveredTo: member.city)
                cityItems[slug, default: [:]][member.city] = items
                pages.append(Page(path: folder + "\(slug)/index.html", content: .storefront(member, card, items: items)))
            }
        }
        return SitePlan(pages: pages, links: links)
    }
}

extension Theme {
    /// Fixed days sort by their Julian day; birthdays after every festival.
    var sortKey: Int {
        if case .fixed(let day) = schedule { day.julianDay } else { Int.max }
    }
}
