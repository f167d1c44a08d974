import Foundation
import LanternChecking
import LanternModel
import LanternOrders
import LanternRendering
import Mustache

/// `private/reports/index.html`: what an admin and an auditor read, per theme. Every value from
/// the content, roster, catalog or store goes through `{{…}}` of a `MustacheHTML` template, so it
/// is escaped byte by byte; the bars are inline SVG whose lengths are numbers Lantern computed.
/// No script, nothing loaded: it prints, and reads on a 360 px phone (tables scroll sideways).
///
/// Ratings (asked after a theme closes) are shown as a distribution and the comments without
/// who wrote them; care-menu requests as counts per service (the names are in `requests.csv`).
package enum ReportPage {
    package static func html(_ report: Report) -> Data {
        let context: [String: Any] = [
            "site": report.site.name, "union": report.site.union, "today": report.today.description,
            "themes": report.themes.map { theme($0, refusalMessages: report.refusalMessages) },
            "refusals": refusalRows(report.allRefusals, messages: report.refusalMessages),
            "refused": report.allRefusals.values.reduce(0, +),
            "notes": report.notes, "has_notes": !report.notes.isEmpty,
            "has_refusals": !report.allRefusals.isEmpty,
            "requests": requestRows(report), "has_requests": !report.requests.isEmpty, "request_count": report.requests.count,
        ]
        // The template is fixed and tested, so a parse failure is a programming error.
        let template = try! MustacheHTML.template(template)
        return Data(template.render(context).utf8)
    }

    static func theme(_ line: ThemeReport, refusalMessages: [Refusal: String]) -> [String: Any] {
        let slug = line.theme.slug.rawValue, rate = line.overall
        let maxCount = line.topItems.first?.count ?? 0
        return [
            "slug": slug, "title": line.theme.title, "budget": line.theme.budget.description,
            "status": line.status == .open ? "开放中 open" : "已截止 closed",
            "eligible": line.eligible.count, "rate": rate.fraction, "percent": rate.percent,
            "width": rate.barWidth, "waiting": line.reminders.count, "orders": line.orders.count,
            "planned": line.planned.description, "used": line.used.description,
            "used_width": line.budgetUsed.barWidth, "used_percent": line.budgetUsed.percent,
            "departments": line.byDepartment.map(group), "cities": line.byCity.map(group),
            "items": line.topItems.map { item in
                ["sku": item.sku, "name": item.name.isEmpty ? "已不在目录 not in the catalog" : item.name, "count": item.count,
                 "width": Share(item.count, of: maxCount).barWidth] as [String: Any]
            },
            "has_items": !line.topItems.isEmpty,
            "refusals": refusalRows(line.refusals, messages: refusalMessages), "refused": line.refusals.values.reduce(0, +),
            "has_refusals": !line.refusals.isEmpty,
            "answers": line.feedback.count, "average": line.averageRating ?? "—",
            "ratings": line.ratings.map { ["rating": $0.rating, "count": $0.count,
                                           "width": Share($0.count, of: line.feedback.count).barWidth] as [String: Any] },
            // Comments only, never who wrote them.
            "comments": line.feedback.map(\.comment).filter { !$0.isEmpty }, "has_answers": !line.feedback.isEmpty,
            "feedback_file": "feedback-\(slug).csv",
            "orders_file": "orders-\(slug).csv", "supplier_file": "supplier-\(slug).csv", "reminders_file": "reminders-\(slug).csv",
        ]
    }

    static func group(_ group: ThemeReport.Group) -> [String: Any] {
        ["name": group.name.isEmpty ? "（未填 not given）" : group.name, "rate": group.rate.fraction,
         "percent": group.rate.percent, "width": group.rate.barWidth]
    }

    /// Requests per package: counts only (who asked for what is in `requests.csv`).
    static func requestRows(_ report: Report) -> [[String: Any]] {
        var counts: [String: Int] = [:]
        for line in report.requests { counts[line.package?.title ?? line.request.package, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ["package": $0.key, "count": $0.value] }
    }

    /// Reasons in the order `Refusal` declares them, those counted only.
    static func refusalRows(_ counts: [Refusal: Int], messages: [Refusal: String]) -> [[String: Any]] {
        Refusal.allCases.compactMap { reason in
            counts[reason].map { ["reason": reason.rawValue, "message": messages[reason] ?? "", "count": $0] }
        }
    }

    static let bar = """
    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{{percent}}"><rect class="track" width="100" height="10"/><rect class="fill" width="{{width}}" height="10"/></svg>
    """

    package static let template = """
    <!doctype html>
    <html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>福利报告 Welfare report · {{site}}</title>
    <style>
    body{font:15px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:1em auto;padding:0 1em;max-width:60em;color:#222}
    h1{font-size:1.5em}h2{margin-top:2em;border-bottom:2px solid #b8322a}h3{margin:1.4em 0 .4em}
    .scroll{overflow-x:auto}table{border-collapse:collapse;margin:.5em 0;min-width:100%}
    th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:middle}th{background:#f3f3f3}
    td.n{text-align:right;white-space:nowrap}td.b{width:35%;min-width:5em}td:first-child{min-width:4.5em}
    .bar{display:block;width:100%;height:.8em}.track{fill:#eee}.fill{fill:#b8322a}
    .key{display:flex;flex-wrap:wrap;gap:.5em 2em;margin:.5em 0;padding:0;list-style:none}.key b{font-size:1.3em}
    .todo{color:#666;font-style:italic}
    @media print{body{margin:0;max-width:none}h2{break-before:page}h2:first-of-type{break-before:auto}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}.scroll{overflow:visible}}
    </style></head><body>
    <h1>工会福利报告 Welfare report</h1>
    <p>{{site}} · {{union}} · 截至 as of {{today}}</p>
    {{#has_notes}}<h2>需要处理 Needs attention</h2>
    <ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/has_notes}}
    {{#themes}}
    <h2 id="{{slug}}">{{title}} <code>{{slug}}</code></h2>
    <p>{{status}} · 预算 budget {{budget}} · 文件 files: <a href="{{orders_file}}">{{orders_file}}</a>, <a href="{{supplier_file}}">{{supplier_file}}</a>, <a href="{{reminders_file}}">{{reminders_file}}</a></p>
    <ul class="key">
    <li>已选 Chosen <b data-rate>{{rate}}</b> ({{percent}})</li>
    <li>订单 Orders <b data-orders>{{orders}}</b></li>
    <li>待提醒 To remind today <b data-waiting>{{waiting}}</b></li>
    <li>被拒 Refused <b data-refused>{{refused}}</b></li>
    </ul>
    <h3>领取率 Redemption rate</h3>
    <div class="scroll"><table><tr><th></th><th>已选 / 可选 Chosen / eligible</th><th>比例 Rate</th><th></th></tr>
    <tr><td>全部 All</td><td class="n">{{rate}}</td><td class="n">{{percent}}</td><td class="b">\(bar)</td></tr>
    </table></div>
    <h3>按部门 By department</h3>
    <div class="scroll"><table><tr><th>部门 Department</th><th>已选 / 可选</th><th>比例 Rate</th><th></th></tr>
    {{#departments}}<tr><td>{{name}}</td><td class="n">{{rate}}</td><td class="n">{{percent}}</td><td class="b">\(bar)</td></tr>
    {{/departments}}</table></div>
    <h3>按城市 By city</h3>
    <div class="scroll"><table><tr><th>城市 City</th><th>已选 / 可选</th><th>比例 Rate</th><th></th></tr>
    {{#cities}}<tr><td>{{name}}</td><td class="n">{{rate}}</td><td class="n">{{percent}}</td><td class="b">\(bar)</td></tr>
    {{/cities}}</table></div>
    <h3>预算 Budget</h3>
    <div class="scroll"><table><tr><th></th><th>金额 Amount</th><th></th></tr>
    <tr><td>计划 Planned ({{eligible}} × {{budget}})</td><td class="n" data-planned>{{planned}}</td><td class="b"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="100%"><rect class="fill" width="100" height="10"/></svg></td></tr>
    <tr><td>已用 Used ({{used_percent}})</td><td class="n" data-used>{{used}}</td><td class="b"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{{used_percent}}"><rect class="track" width="100" height="10"/><rect class="fill" width="{{used_width}}" height="10"/></svg></td></tr>
    </table></div>
    <h3>热门商品 Popular items</h3>
    {{^has_items}}<p class="todo">尚无选择 No choices yet.</p>{{/has_items}}
    {{#has_items}}<div class="scroll"><table><tr><th>SKU</th><th>名称 Name</th><th>选择次数 Chosen</th><th></th></tr>
    {{#items}}<tr><td><code>{{sku}}</code></td><td>{{name}}</td><td class="n">{{count}}</td><td class="b"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{{count}}"><rect class="fill" width="{{width}}" height="10"/></svg></td></tr>
    {{/items}}</table></div>{{/has_items}}
    <h3>被拒的提交 Refused submissions</h3>
    <p>按提交所写的专区计 (counted by the theme the submission named, which a forged one may name falsely).</p>
    {{^has_refusals}}<p class="todo">无 None.</p>{{/has_refusals}}
    {{#has_refusals}}<div class="scroll"><table><tr><th>原因 Reason</th><th>说明 What the member read</th><th>次数 Count</th></tr>
    {{#refusals}}<tr><td><code>{{reason}}</code></td><td>{{message}}</td><td class="n" data-refusal="{{reason}}">{{count}}</td></tr>
    {{/refusals}}</table></div>{{/has_refusals}}
    <h3>满意度 Satisfaction</h3>
    {{^has_answers}}<p class="todo" data-satisfaction>尚无评价 No ratings yet (asked after the theme closes).</p>{{/has_answers}}
    {{#has_answers}}<p data-satisfaction>{{answers}} 份评价 answers · 平均 average <b data-average>{{average}}</b> / 5 · <a href="{{feedback_file}}">{{feedback_file}}</a></p>
    <div class="scroll"><table><tr><th>评分 Rating</th><th>人数 Answers</th><th></th></tr>
    {{#ratings}}<tr><td>{{rating}}</td><td class="n" data-rating="{{rating}}">{{count}}</td><td class="b"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{{count}}"><rect class="track" width="100" height="10"/><rect class="fill" width="{{width}}" height="10"/></svg></td></tr>
    {{/ratings}}</table></div>
    <ul class="comments">{{#comments}}<li>{{.}}</li>{{/comments}}</ul>{{/has_answers}}
    {{/themes}}
    {{^themes}}<p class="todo">没有已开放的专区 No theme has opened yet.</p>{{/themes}}
    <h2>全部被拒的提交 All refused submissions</h2>
    <p>所有专区，包括无法读出专区的提交 (all themes, and submissions whose theme could not be read).</p>
    {{^has_refusals}}<p class="todo">无 None.</p>{{/has_refusals}}
    {{#has_refusals}}<div class="scroll"><table><tr><th>原因 Reason</th><th>说明 What the member read</th><th>次数 Count</th></tr>
    {{#refusals}}<tr><td><code>{{reason}}</code></td><td>{{message}}</td><td class="n" data-all-refusal="{{reason}}">{{count}}</td></tr>
    {{/refusals}}<tr><th colspan="2">合计 Total</th><td class="n">{{refused}}</td></tr></table></div>{{/has_refusals}}
    <h2>慰问申请 Care requests</h2>
    {{^has_requests}}<p class="todo" data-care>尚无申请 No requests yet.</p>{{/has_requests}}
    {{#has_requests}}<p data-care>{{request_count}} 份申请 requests · 明细见 details in <a href="requests.csv">requests.csv</a></p>
    <div class="scroll"><table><tr><th>服务 Service</th><th>申请数 Requests</th></tr>
    {{#requests}}<tr><td>{{package}}</td><td class="n">{{count}}</td></tr>{{/requests}}</table></div>{{/has_requests}}
    </body></html>

    """
}
