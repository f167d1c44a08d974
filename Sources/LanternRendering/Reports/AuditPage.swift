import Foundation
import LanternChecking
import LanternModel
import Mustache

/// `private/audit.html`: the audit rendered for an auditor (`AuditFiles` writes `audit.csv`).
package enum AuditPage {
    package static func html(_ audit: Audit, site: SiteConfig) -> Data {
        let context: [String: Any] = [
            "site": site.name, "union": site.union, "policy": audit.policyName, "source": audit.policySource,
            "annual_cap": audit.annualCap?.description ?? "不设上限 none",
            "letters": audit.letters, "letter_recipients": audit.letterRecipients,
            "themes": audit.themes.map { line in
                ["slug": line.slug, "title": line.title, "occasion": line.occasion, "date": line.date,
                 "window": line.window, "budget": line.budget.description, "cap": line.cap?.description ?? "—",
                 "eligible": line.eligibleMembers, "total": line.plannedTotal.description] as [String: Any]
            },
            "hidden": audit.items.filter { !$0.shown && $0.byPolicy }.map(row),
            "shown": audit.items.filter(\.shown).map(row),
            "other": audit.items.filter { !$0.shown && !$0.byPolicy && $0.reason != Compliance.notTagged }.map(row),
        ]
        // The template is fixed and tested, so a parse failure is a programming error.
        let template = try! MustacheHTML.template(template)
        return Data(template.render(context).utf8)
    }

    package static func row(_ line: Audit.ItemLine) -> [String: Any] {
        ["theme": line.theme, "sku": line.sku, "name": line.name, "category": line.category,
         "price": line.price.description, "reason": line.reason]
    }

    package static let template = """
    <!doctype html>
    <html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex">
    <title>审计报告 Audit · {{site}}</title>
    <style>body{font:15px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
    table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
    th{background:#f3f3f3}td.n{text-align:right}h2{margin-top:2em}</style></head><body>
    <h1>工会福利审计报告 Welfare audit</h1>
    <p>{{site}} · {{union}}</p>
    <p>政策 Policy：{{policy}}<br>依据 Source：{{source}}<br>节日年度上限 Annual festival cap：{{annual_cap}}</p>
    <h2>专区 Themes</h2>
    <table><tr><th>专区 Theme</th><th>场合 Occasion</th><th>日期 Date</th><th>开放 Window</th><th>预算 Budget</th><th>上限 Cap</th><th>符合条件人数 Eligible</th><th>计划总额 Planned total</th></tr>
    {{#themes}}<tr><td>{{title}}<br><code>{{slug}}</code></td><td>{{occasion}}</td><td>{{date}}</td><td>{{window}}</td><td class="n">{{budget}}</td><td class="n">{{cap}}</td><td class="n">{{eligible}}</td><td class="n">{{total}}</td></tr>
    {{/themes}}</table>
    <h2>个人慰问信 Personal letters</h2>
    <p>{{letters}} 封，收信人 {{letter_recipients}} 人 ({{letters}} letters to {{letter_recipients}} members; reasons are not recorded here).</p>
    <h2>因政策隐藏的商品 Items hidden by a rule</h2>
    <table><tr><th>专区 Theme</th><th>SKU</th><th>名称 Name</th><th>类别 Category</th><th>价格 Price</th><th>规则 Rule</th></tr>
    {{#hidden}}<tr><td>{{theme}}</td><td>{{sku}}</td><td>{{name}}</td><td>{{category}}</td><td class="n">{{price}}</td><td>{{reason}}</td></tr>
    {{/hidden}}</table>
    <h2>展示的商品 Items shown</h2>
    <table><tr><th>专区 Theme</th><th>SKU</th><th>名称 Name</th><th>类别 Category</th><th>价格 Price</th></tr>
    {{#shown}}<tr><td>{{theme}}</td><td>{{sku}}</td><td>{{name}}</td><td>{{category}}</td><td class="n">{{price}}</td></tr>
    {{/shown}}</table>
    <h2>其他未展示 Not offered (shop selection)</h2>
    <table><tr><th>专区 Theme</th><th>SKU</th><th>名称 Name</th><th>原因 Reason</th></tr>
    {{#other}}<tr><td>{{theme}}</td><td>{{sku}}</td><td>{{name}}</td><td>{{reason}}</td></tr>
    {{/other}}</table>
    </body></html>

    """
}
