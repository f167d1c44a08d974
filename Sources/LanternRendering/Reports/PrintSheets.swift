import Foundation
import LanternModel
import LanternPlanning
import Mustache

/// `private/print/<department>.html`: A4 sheets of cut-out cards, one card per member with pages,
/// each with a QR code of the member's personal link, for members reached on paper.
///
/// A QR code must hold the full address, so sheets need `base_url`; without it there are none
/// (see `warning`). By default the cards are for members with neither phone nor e-mail, the ones
/// a link cannot reach otherwise; `print_sheets: all` in site.yaml gives every member with
/// pages a card.
package enum PrintSheets {
    /// One department's sheet: its file name inside `print/` and its bytes.
    package struct Sheet {
        package var fileName: String
        package var html: Data
    }

    /// The folder inside the private folder.
    package static let folder = "print"
    /// The sheet of members whose department is empty.
    static let unassigned = "未分配部门"

    /// One sheet per department, departments in sorted order (the empty one first), members in
    /// plan order. Empty when the site has no `base_url`. The sheet speaks to the admin who
    /// prints it (in Chinese); each card to its member, in the member's language (`locales`).
    package static func sheets(_ links: [SitePlan.MemberLink], site: SiteConfig, secret: Secret? = nil,
                               locales: [String: SiteLocale]) throws(DiagnosticsError) -> [Sheet] {
        let links = site.printSheetsForAll ? links : links.filter { $0.member.phone.isEmpty && $0.member.email.isEmpty }
        guard let baseURL = site.baseURL, !links.isEmpty else { return [] }
        let departments = Dictionary(grouping: links, by: \.member.department)
        let names = departments.keys.sorted()
        let files = fileNames(for: names)
        // The template is fixed and tested, so a parse failure is a programming error.
        let template = try! MustacheHTML.template(templateText)
        var sheets: [Sheet] = []
        for (department, file) in zip(names, files) {
            var cards: [[String: Any]] = []
            for link in departments[department]! {
                let url = link.url(baseURL: baseURL, secret: secret)
                guard let qr = QRCode.svg(url) else {
                    throw DiagnosticsError([.error("base_url is too long for a QR code on the print sheets",
                                                   at: SourceLocation(file: "content/site.yaml"),
                                                   hint: "a QR code holds at most 2,331 bytes; use a shorter address")])
                }
                let locale = locales[link.member.language] ?? locales[site.language]!
                var card: [String: Any] = ["name": link.member.name, "qr": qr, "url": url, "lang": locale.language,
                                           "instruction": locale.string("print.instruction")]
                if !department.isEmpty { card["dept"] = department }
                cards.append(card)
            }
            let pages = stride(from: 0, to: cards.count, by: cardsPerPage).map { start in
                ["cards": Array(cards[start..<min(start + cardsPerPage, cards.count)])]
            }
            let context: [String: Any] = [
                "site": site.name, "union": site.union, "department": department.isEmpty ? unassigned : department,
                "count": cards.count, "pages": pages,
            ]
            sheets.append(Sheet(fileName: file, html: Data(template.render(context).utf8)))
        }
        return sheets
    }

    /// Without `base_url` there are no sheets; say so once, and only when some member with pages
    /// has neither phone nor e-mail, the members the sheets are for.
    package static func warning(_ links: [SitePlan.MemberLink], site: SiteConfig) -> Diagnostic? {
        guard site.baseURL == nil else { return nil }
        let unreachable = links.filter { $0.member.phone.isEmpty && $0.member.email.isEmpty }
        guard let first = unreachable.first else { return nil }
        return .warning("no print sheets: \(unreachable.count) member(s) with pages have neither phone nor e-mail "
                        + "(first: \(first.member.id.rawValue)), and a QR code needs the full link",
                        at: SourceLocation(file: "content/site.yaml"),
                        hint: "set base_url to the address where public/ is served, then private/print/ holds a card per member")
    }
}
