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
    let acceptedPage: MustacheTemplate
    let refusedPage: MustacheTemplate
    let formPage: MustacheTemplate

    init(site: SiteConfig, secret: Secret) {
        self.site = site
        self.secret = secret
        // Fixed and tested, so a parse failure is a programming error.
        acceptedPage = try! MustacheHTML.template(Self.layout(Self.acceptedBody))
        refusedPage = try! MustacheHTML.template(Self.layout(Self.refusedBody))
        formPage = try! MustacheHTML.template(Self.layout(Self.formBody))
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
        let en = Self.english(offer.member)
        return formPage.render([
            "lang": en ? "en" : "zh-CN", "site": site.name, "title": offer.theme.title, "action": formTarget,
            "member": offer.member.id.rawValue, "theme": offer.theme.slug.rawValue, "code": code,
            "budget": offer.theme.budget.description, "closes": offer.closes.description,
            "items": offer.items.map { ["sku": $0.sku.rawValue, "name": $0.name, "price": $0.price.description, "description": $0.description] },
            "l": en ? ["intro": "Tick the gifts you want, up to your budget of", "closes": "Choose by", "submit": "Submit my choice", "none": "No gifts to choose from."]
                    : ["intro": "请勾选您想要的礼品，合计不超过预算", "closes": "请在此日期前提交：", "submit": "提交选择", "none": "暂无可选礼品。"],
        ])
    }

    func statusJSON(_ choice: StoredChoice) -> String {
        encode(["status": "chosen", "skus": choice.skus, "total_fen": choice.totalFen, "total": Money(fen: choice.totalFen).description,
                "receipt": choice.receipt])
    }

    static func english(_ member: Member?) -> Bool { member?.language.lowercased().hasPrefix("en") == true }

    /// The member's storefront for the theme, with the page key when pages are encrypted; nil
    /// without `base_url` (the collector cannot know where the pages are served).
    func storefront(_ member: Member, theme: Slug) -> String? {
        guard let base = site.baseURL else { return nil }
        let key = site.encrypt ? "#k=" + MemberKey.fragment(for: member.id, secret: secret) : ""
        return base + "m/\(MemberToken.token(for: member.id, secret: secret))/\(theme.rawValue)/index.html" + key
    }

    func accepted(_ order: Order, receipt: String) -> String {
        let en = Self.english(order.member)
        var context: [String: Any] = [
            "lang": en ? "en" : "zh-CN", "site": site.name,
            "title": en ? "Your choice is received" : "已收到您的选择",
            "theme": order.theme.title,
            "items": order.items.map { ["name": $0.name, "price": $0.price.description] },
            "total": order.total.description, "remaining": order.remaining.description, "budget": order.theme.budget.description,
            "receipt": receipt, "closes": order.closes.description, "l": labels(en),
        ]
        if let back = storefront(order.member, theme: order.theme.slug) { context["back"] = back }
        return acceptedPage.render(context)
    }

    func requested(_ request: CareRequest, receipt: String) -> String {
        let en = Self.english(request.member)
        return refusedPage.render([
            "lang": en ? "en" : "zh-CN", "site": site.name,
            "title": en ? "Your request is received" : "已收到您的申请",
            "reason": en ? "\(request.package.title): the union will contact you. Receipt number \(receipt)."
                         : "「\(request.package.title)」：工会将与您联系。回执编号 \(receipt)。",
            "code": "requested", "l": labels(en),
        ])
    }

    func thanks(_ feedback: Feedback) -> String {
        let en = Self.english(feedback.member)
        return refusedPage.render([
            "lang": en ? "en" : "zh-CN", "site": site.name,
            "title": en ? "Thank you for your feedback" : "感谢您的反馈",
            "reason": en ? "We read every answer to plan the next festival better." : "我们会认真阅读每一条反馈，把下一次节日福利办得更好。",
            "code": "thanks", "l": labels(en),
        ])
    }

    func refused(_ refusal: Refusal, member: Member?) -> String {
        let en = Self.english(member)
        return refusedPage.render([
            "lang": en ? "en" : "zh-CN", "site": site.name,
            "title": en ? "Your choice was not received" : "未能接收您的选择",
            "reason": refusal.message(english: en), "code": refusal.rawValue, "l": labels(en),
        ])
    }

    func acceptedJSON(_ order: Order, receipt: String) -> String {
        encode(["status": "accepted", "receipt": receipt, "theme": order.theme.slug.rawValue,
                "skus": order.items.map(\.sku.rawValue), "total_fen": order.total.fen,
                "remaining_fen": order.remaining.fen, "total": order.total.description, "remaining": order.remaining.description])
    }

    func refusedJSON(_ refusal: Refusal, member: Member?) -> String {
        encode(["status": "refused", "reason": refusal.rawValue, "message": refusal.message(english: Self.english(member))])
    }

    private func encode(_ object: [String: Any]) -> String {
        // Only strings, numbers and arrays of them: serialisable by construction.
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
    }

    private func labels(_ en: Bool) -> [String: String] {
        en ? ["items": "Your gifts", "total": "Total", "remaining": "Left of your budget", "receipt": "Receipt number",
              "change": "You can change your choice until the shop closes; the latest one counts.",
              "back": "Back to my page", "noback": "Go back to your own page with your browser's back button.",
              "closes": "The shop closes on", "end": "."]
           : ["items": "您选择的礼品", "total": "合计", "remaining": "剩余预算", "receipt": "回执编号",
              "change": "截止前可以修改选择，以最后一次提交为准。",
              "back": "返回我的页面", "noback": "请用浏览器的返回键回到您的专属页面。", "closes": "截止日期：", "end": "。"]
    }

    static func layout(_ body: String) -> String {
        """
        <!doctype html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex,nofollow"><title>{{title}} · {{site}}</title>
        <style>body{font:17px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:34em;padding:1em;color:#2b1d16;background:#fff8ef}
        h1{font-size:1.4em;color:#8c2219}table{border-collapse:collapse;width:100%}td{padding:.3em 0;border-bottom:1px solid #e6d6c4}
        td.n{text-align:right;white-space:nowrap}.receipt{font-size:1.2em;font-weight:bold;letter-spacing:.05em}
        a.button,button.button{display:inline-block;border:0;font:inherit;cursor:pointer;padding:.6em 1.2em;background:#8c2219;color:#fff;border-radius:.4em;text-decoration:none}
        .reason{padding:.8em;border-left:4px solid #8c2219;background:#fff}</style></head><body>
        <main>
        <h1>{{title}}</h1>
        \(body)
        </main>
        </body></html>

        """
    }

    static let acceptedBody = """
        <p>{{theme}}</p>
        <h2>{{l.items}}</h2>
        <table>{{#items}}<tr><td>{{name}}</td><td class="n">{{price}}</td></tr>{{/items}}
        <tr><td><strong>{{l.total}}</strong></td><td class="n"><strong data-total>{{total}}</strong></td></tr>
        <tr><td>{{l.remaining}}</td><td class="n" data-remaining>{{remaining}}</td></tr></table>
        <p>{{l.receipt}}：<span class="receipt" data-receipt>{{receipt}}</span></p>
        <p>{{l.change}} {{l.closes}}<time datetime="{{closes}}">{{closes}}</time>{{l.end}}</p>
        {{#back}}<p><a class="button" href="{{back}}">{{l.back}}</a></p>{{/back}}{{^back}}<p>{{l.noback}}</p>{{/back}}
        """

    static let formBody = """
        <p>{{l.intro}} <strong>{{budget}}</strong>. {{l.closes}} <time datetime="{{closes}}">{{closes}}</time></p>
        <form method="post" action="{{action}}">
        <input type="hidden" name="member" value="{{member}}">
        <input type="hidden" name="theme" value="{{theme}}">
        <input type="hidden" name="code" value="{{code}}">
        <table>{{#items}}<tr><td><input type="checkbox" id="sku-{{sku}}" name="sku" value="{{sku}}"> <label for="sku-{{sku}}">{{name}}</label>{{#description}}<br><small>{{description}}</small>{{/description}}</td><td class="n">{{price}}</td></tr>{{/items}}</table>
        {{^items}}<p>{{l.none}}</p>{{/items}}
        <p><button type="submit" class="button">{{l.submit}}</button></p>
        </form>
        """

    static let refusedBody = """
        <p class="reason" data-reason="{{code}}">{{reason}}</p>
        <p>{{l.noback}}</p>
        """
}
