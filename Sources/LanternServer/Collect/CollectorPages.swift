import Foundation
import LanternModel
import LanternOrders
import LanternPlanning
import LanternRendering
import Mustache

/// The pages and JSON the collector answers with. Only what the member needs: the items, the
/// total, what is left of the budget, the receipt number and the way back to their own page;
/// never their name or anything else from the roster. Every value is escaped (`MustacheHTML`).
struct CollectorPages: Sendable {
    let site: SiteConfig
    let secret: Secret
    /// The pages of each language, with that language's strings written in (`Localizer`).
    let languages: [String: Language]

    struct Language: Sendable {
        let locale: SiteLocale
        let accepted: MustacheTemplate
        let refused: MustacheTemplate
        let form: MustacheTemplate
    }

    init(site: SiteConfig, locales: [SiteLocale], secret: Secret) {
        self.site = site
        self.secret = secret
        var languages: [String: Language] = [:]
        for locale in locales {
            // Fixed templates, and strings holding only {{name}} tags (LocaleLoader checks):
            // a parse failure is a programming error.
            let page = { (body: String) in try! MustacheHTML.template(Localizer.localize(Self.layout(body), locale)) }
            languages[locale.language] = Language(locale: locale, accepted: page(Self.acceptedBody),
                                                  refused: page(Self.refusedBody), form: page(Self.formBody))
        }
        self.languages = languages
    }

    /// The member's language once the code proves who it is; the site's before.
    func language(_ member: Member?) -> Language {
        member.flatMap { languages[$0.language] } ?? languages[site.language]!
    }

    /// Where the form page posts: the order endpoint of `site.yaml` (the collector behind the
    /// site's own address), else this collector's `/orders` next to the form.
    var formTarget: String { site.orderEndpoint.isEmpty ? "../orders" : site.orderEndpoint }

    /// The CSP `form-action` that lets the form page post there.
    var formAction: String {
        guard let url = URLComponents(string: formTarget), let scheme = url.scheme, let host = url.host else { return "'self'" }
        return "'self' \(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    func form(_ offer: OrderDesk.Offer, code: String) -> String {
        let page = language(offer.member), locale = page.locale
        return page.form.render([
            "lang": locale.language, "site": site.name, "title": offer.theme.title(in: locale.language), "action": formTarget,
            "member": offer.member.id.rawValue, "theme": offer.theme.slug.rawValue, "code": code,
            "budget": locale.money(offer.theme.budget), "closes_on": offer.closes.description, "closes": locale.date(offer.closes),
            "items": offer.items.map { ["sku": $0.sku.rawValue, "name": $0.name, "price": locale.money($0.price), "description": $0.description] },
        ])
    }

    func statusJSON(_ choice: StoredChoice) -> String {
        encode(["status": "chosen", "skus": choice.skus, "total_fen": choice.totalFen, "total": Money(fen: choice.totalFen).description,
                "receipt": choice.receipt])
    }

    /// The member's storefront for the theme, with the page key when pages are encrypted; nil
    /// without `base_url` (the collector cannot know where the pages are served).
    func storefront(_ member: Member, theme: Slug) -> String? {
        guard let base = site.baseURL else { return nil }
        let key = site.encrypt ? "#k=" + MemberKey.fragment(for: member.id, secret: secret) : ""
        return base + "m/\(MemberToken.token(for: member.id, secret: secret))/\(theme.rawValue)/index.html" + key
    }

    func accepted(_ order: Order, receipt: String) -> String {
        let page = language(order.member), locale = page.locale
        var context: [String: Any] = [
            "lang": locale.language, "site": site.name, "title": locale.string("collector.accepted_title"),
            "theme": order.theme.title(in: locale.language),
            "items": order.items.map { ["name": $0.name, "price": locale.money($0.price)] },
            "total": locale.money(order.total), "remaining": locale.money(order.remaining), "budget": locale.money(order.theme.budget),
            "receipt": receipt, "closes_on": order.closes.description, "closes": locale.date(order.closes),
        ]
        if let back = storefront(order.member, theme: order.theme.slug) { context["back"] = back }
        return page.accepted.render(context)
    }

    func requested(_ request: CareRequest, receipt: String) -> String {
        let page = language(request.member), locale = page.locale
        return page.refused.render([
            "lang": locale.language, "site": site.name, "title": locale.string("collector.requested_title"),
            "reason": locale.format("collector.requested", ["package": request.package.title, "receipt": receipt]),
            "code": "requested",
        ])
    }

    func thanks(_ feedback: Feedback) -> String {
        let page = language(feedback.member), locale = page.locale
        return page.refused.render([
            "lang": locale.language, "site": site.name, "title": locale.string("collector.thanks_title"),
            "reason": locale.string("collector.thanks"), "code": "thanks",
        ])
    }

    func refused(_ refusal: Refusal, member: Member?) -> String {
        let page = language(member), locale = page.locale
        return page.refused.render([
            "lang": locale.language, "site": site.name, "title": locale.string("collector.refused_title"),
            "reason": locale.string("refusal.\(refusal.rawValue)"), "code": refusal.rawValue,
        ])
    }

    func acceptedJSON(_ order: Order, receipt: String) -> String {
        let locale = language(order.member).locale
        return encode(["status": "accepted", "receipt": receipt, "theme": order.theme.slug.rawValue,
                       "skus": order.items.map(\.sku.rawValue), "total_fen": order.total.fen,
                       "remaining_fen": order.remaining.fen, "total": locale.money(order.total), "remaining": locale.money(order.remaining)])
    }

    func refusedJSON(_ refusal: Refusal, member: Member?) -> String {
        encode(["status": "refused", "reason": refusal.rawValue, "message": language(member).locale.string("refusal.\(refusal.rawValue)")])
    }

    private func encode(_ object: [String: Any]) -> String {
        // Only strings, numbers and arrays of them: serialisable by construction.
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
    }

    static func layout(_ body: String) -> String {
        """
        <!doctype html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex,nofollow"><meta name="color-scheme" content="light"><title>{{title}} · {{site}}</title>
        <style>body{font:17px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:34em;padding:1em;color:#2b1d16;background:#fff8ef}
        h1{font-size:1.4em;color:#8c2219}table{border-collapse:collapse;width:100%}td{padding:.3em 0;border-bottom:1px solid #e6d6c4}
        td.n{text-align:right;white-space:nowrap}.receipt{font-size:1.2em;font-weight:bold;letter-spacing:.05em}
        a.button,button.button{display:inline-block;border:0;font:inherit;cursor:pointer;padding:.6em 1.2em;background:#8c2219;color:#fff;border-radius:.4em;text-decoration:none}
        .reason{padding:.8em;border-left:4px solid #8c2219;background:#fff}
        td label{display:inline-flex;align-items:center;min-height:44px;min-width:44px}input[type=checkbox]{width:1.4em;height:1.4em;vertical-align:middle}
        a.button,button.button{min-height:44px}</style></head><body>
        <main>
        <h1>{{title}}</h1>
        \(body)
        </main>
        </body></html>

        """
    }

    static let acceptedBody = """
        <p>{{theme}}</p>
        <h2>{{t.collector.items}}</h2>
        <table>{{#items}}<tr><td>{{name}}</td><td class="n">{{price}}</td></tr>{{/items}}
        <tr><td><strong>{{t.collector.total}}</strong></td><td class="n"><strong data-total>{{total}}</strong></td></tr>
        <tr><td>{{t.collector.remaining}}</td><td class="n" data-remaining>{{remaining}}</td></tr></table>
        <p>{{t.collector.receipt}} <span class="receipt" data-receipt>{{receipt}}</span></p>
        <p>{{t.collector.change}} <time datetime="{{closes_on}}">{{t.collector.closes}}</time></p>
        {{#back}}<p><a class="button" href="{{back}}">{{t.collector.back}}</a></p>{{/back}}{{^back}}<p>{{t.collector.noback}}</p>{{/back}}
        """

    static let formBody = """
        <p>{{t.collector.form_intro}} <time datetime="{{closes_on}}">{{t.collector.form_closes}}</time></p>
        <form method="post" action="{{action}}">
        <input type="hidden" name="member" value="{{member}}">
        <input type="hidden" name="theme" value="{{theme}}">
        <input type="hidden" name="code" value="{{code}}">
        <table>{{#items}}<tr><td><input type="checkbox" id="sku-{{sku}}" name="sku" value="{{sku}}"> <label for="sku-{{sku}}">{{name}}</label>{{#description}}<br><small>{{description}}</small>{{/description}}</td><td class="n">{{price}}</td></tr>{{/items}}</table>
        {{^items}}<p>{{t.collector.form_none}}</p>{{/items}}
        <p><button type="submit" class="button">{{t.collector.form_submit}}</button></p>
        </form>
        """

    static let refusedBody = """
        <p class="reason" data-reason="{{code}}">{{reason}}</p>
        <p>{{t.collector.noback}}</p>
        """
}
