import Foundation
import Mustache
import LanternModel
import LanternPlanning

/// The Mustache context of each page kind; README's template section documents every field.
/// `@unchecked Sendable` because the cached theme contexts are `[String: Any]` (swift-mustache
/// takes `Any`): safe, since they hold only strings, numbers and dictionaries of them and are
/// never changed once made, so renderers on several threads share them read-only.
package struct PageContext: @unchecked Sendable {
    package let site: SiteConfig
    let today: Day
    package let menu: [MenuPackage]
    /// The small versions of the item pictures, made by the build before any page is rendered.
    package let pictures: ItemPictures
    /// Renders greetings and letters once per shape; nil renders each with Mustache.
    var stencils: StencilCache? = nil
    /// Greetings by theme and letters by slug, compiled, in each language they are written in;
    /// menu package descriptions as HTML.
    let greetings: [Slug: Localized<MustacheTemplate>]
    let letterBodies: [Slug: Localized<MustacheTemplate>]
    let menuBodies: [Slug: String]
    /// Signs the codes member forms carry; nil makes them empty (contexts for tests and fuzzing).
    let secret: Secret?

    /// The interface strings and formats by language; `locales[site.language]` is always there.
    let locales: [String: SiteLocale]

    init(site: SiteConfig, today: Day, menu: [MenuPackage], pictures: ItemPictures = ItemPictures(), locales: [String: SiteLocale] = [:],
         greetings: [Slug: Localized<MustacheTemplate>] = [:],
         letters: [Slug: Localized<MustacheTemplate>] = [:], menuBodies: [Slug: String] = [:], secret: Secret? = nil) {
        precondition(locales[site.language] != nil, "SiteContent refuses a site without its language's locale file")
        self.locales = locales
        self.secret = secret
        self.site = site
        self.today = today
        self.menu = menu
        self.pictures = pictures
        self.greetings = greetings
        letterBodies = letters
        self.menuBodies = menuBodies
        siteContext = Context.make(["name": site.name, "union": site.union, "language": site.language])
        todayText = today.description
    }

    /// The locale a page is written in.
    func locale(_ page: Page) -> SiteLocale { locales[page.language] ?? locales[site.language]! }

    /// `greetings` holds a member's greetings already rendered, by theme, so the home page and
    /// the storefronts of one member render each greeting once.
    func context(for page: Page, greetings: [Slug: String] = [:]) -> [String: Any] {
        let locale = locale(page)
        var context = Context.make([
            "site": siteContext,
            "root": page.root,
            "today": todayText,
            "lang": locale.language,
            // For lantern.js: how an amount reads (`¥{{amount}}`), and nothing chosen yet.
            "money_format": locale.string("format.money"), "zero_money": locale.money(.zero),
            // Set when the page's language is not the site's: the site's content then carries
            // its own `lang` inside interface text (an item's supplier among English words).
            "ui_lang": locale.language == site.language ? nil : locale.language,
        ])
        switch page.content {
        case .portal(let open, let upcoming):
            context["page_title"] = site.name
            context["open_themes"] = open.map { theme($0, locale) }
            context["upcoming_themes"] = upcoming.map { theme($0, locale) }
            context["menu_packages"] = menu.map { package($0, url: "menu/\($0.slug)/index.html") }
        case .shop(let theme, let items):
            context["page_title"] = theme.title
            context["theme"] = self.theme(theme, locale)
            context["frame"] = frame(theme)
            context["categories"] = categories(items, locale)
            context["item_count"] = items.count
        case .memberHome(let member, let cards, let letters, let feedback):
            // Codes are made here, for the pages rendered, not planned for every member.
            let requestCode = secret.map { OrderCode.requestCode(member: member.id, secret: $0) } ?? ""
            if !menu.isEmpty, let action = site.collectorRoute("requests") {
                context["requests"] = Context.make([
                    "action": action, "member_id": member.id.rawValue, "code": requestCode,
                    "packages": menu.map { ["slug": $0.slug.rawValue, "title": $0.title] },
                ])
            }
            context["feedback"] = feedback.map { card in
                Context.make(["theme": theme(card.theme, locale, day: card.day), "action": site.collectorRoute("feedback"),
                              "member_id": member.id.rawValue, "code": orderCode(member, card), "anonymous": site.feedbackAnonymous])
            }
            let variables = memberVariables(member)
            context["letters"] = letters.map { letter in
                let template = letterBodies[letter.slug]!.value(in: locale.language)
                let key = "letter:\(letter.slug):\(locale.language)"
                let body = stencils?.render(key, variables) { template.render($0) } ?? template.render(variables)
                return ["title": letter.title(in: locale.language), "body_html": body,
                        "text_lang": letter.translations[locale.language] == nil ? site.language : locale.language] as [String: Any]
            }
            context["page_title"] = Self.title(member.name, site.name)
            context["member_page"] = true
            context["member"] = ["name": member.name]
            // A letter (a hospital stay, a bereavement) keeps the frame sober; otherwise the
            // page wears its first card's theme, and each card its own.
            context["frame"] = letters.isEmpty ? cards.first.map { frame($0.theme) } : Self.soberFrame
            context["cards"] = cards.map { card in
                Context.make(["theme": theme(card.theme, locale, day: card.day),
                              "greeting_html": greetings[card.theme.slug] ?? greeting(card, member, locale),
                              "storefront_url": "\(card.theme.slug)/index.html"])
            }
        case .storefront(let member, let card):
            context["page_title"] = Self.title(card.theme.title(in: locale.language), member.name)
            context["member_page"] = true
            context["member"] = ["name": member.name]
            context["theme"] = theme(card.theme, locale, day: card.day)
            context["frame"] = frame(card.theme)
            context["greeting_html"] = greetings[card.theme.slug] ?? greeting(card, member, locale)
            context["items_url"] = page.root + card.itemsPath
            context["home_url"] = "../index.html"
            context["order"] = Context.make(["endpoint": site.orderEndpoint, "member_id": member.id.rawValue, "code": orderCode(member, card),
                                             "form_action": site.orderEndpoint.isEmpty ? nil : site.orderEndpoint + "/form",
                                             "status_url": collectorURL("status", member, card),
                                             "mailto": mailto(member, card.theme, locale)])
        case .itemList(let theme, let items):
            context["page_title"] = theme.title(in: locale.language)
            context["theme"] = self.theme(theme, locale)
            context["frame"] = frame(theme)
            context["categories"] = categories(items, locale)
            context["item_count"] = items.count
        case .menuIndex:
            context["page_title"] = locale.string("menu.title")
            context["packages"] = menu.map { package($0, url: "\($0.slug)/index.html") }
        case .menuPackage(let package):
            context["page_title"] = package.title
            context["package"] = self.package(package, url: "index.html")
        }
        return context
    }

    /// What a member page shows outside its encrypted part: keys whose values are the same for
    /// every member (the theme as its shop shows it; `page_title` as `shellContext` makes it).
    /// Every other key of a member page's context is `personalKeys` (a test holds the two to
    /// the contexts this file makes).
    static let shellKeys: Set<String> = ["site", "root", "today", "lang", "money_format", "zero_money", "ui_lang", "page_title", "member_page", "home_url", "theme", "frame"]
    /// The member's own data, which an encrypted page shows only inside its sealed part.
    static let personalKeys: Set<String> = ["member", "cards", "letters", "greeting_html", "items_url", "order", "feedback", "requests"]

    /// A member page's context for its shell when pages are encrypted: only `shellKeys`, and the
    /// theme without the member's day (a birthday theme's date and window are the member's).
    /// Its title names the page's kind, not the member: the site on the home page, the theme
    /// and the site on a storefront (`unlock.js` sets the member's title from the sealed part).
    func shellContext(for page: Page) -> [String: Any] {
        var context = self.context(for: page).filter { Self.shellKeys.contains($0.key) }
        context["theme"] = nil
        context["page_title"] = site.name
        // The home page's frame follows the member's cards and letters: the shell keeps the site's.
        context["frame"] = nil
        if case .storefront(_, let card) = page.content {
            let locale = locale(page)
            context["theme"] = theme(card.theme, locale)
            context["frame"] = frame(card.theme)
            context["page_title"] = Self.title(card.theme.title(in: locale.language), site.name)
        }
        return context
    }

    /// A page title from what it names, most particular first (`2026 端午 · 张伟`).
    static func title(_ parts: String...) -> String { parts.joined(separator: " · ") }

    /// The `site` context and the day of every page, made once.
    let siteContext: [String: Any]
    let todayText: String

    /// Contexts of festival themes (the same for every member), made once per language.
    var festivalThemes: [String: [String: Any]] = [:]

    /// The greeting with the member's variables, escaped by Mustache, in the member's language
    /// when the theme has it (else as written: the build warns, `TranslationCheck`).
    func greeting(_ card: Page.Card, _ member: Member, _ locale: SiteLocale) -> String {
        var variables = memberVariables(member)
        variables["budget"] = locale.money(card.theme.budget)
        variables["theme_title"] = card.theme.title(in: locale.language)
        variables["festival_date"] = locale.monthDay(card.day)
        let template = greetings[card.theme.slug]!.value(in: locale.language)
        let key = "greeting:\(card.theme.slug):\(locale.language)"
        return stencils?.render(key, variables) { template.render($0) } ?? template.render(variables)
    }

    /// What a card or letter may say about the member: nothing else from the roster reaches a page.
    func memberVariables(_ member: Member) -> [String: Any] {
        let fields = site.cardFields
        let years = fields.contains("years_of_service") ? member.yearsOfService(on: today) : nil
        return Context.make([
            "name": member.name,
            "department": fields.contains("department") ? member.department : nil,
            "city": fields.contains("city") ? member.city : nil,
            "years_of_service": years, "service_year": years.map { $0 + 1 },
            "union_name": site.union, "site_name": site.name,
        ])
    }

}

extension Theme.Schedule {
    var isBirthday: Bool { if case .birthday = self { true } else { false } }
}
