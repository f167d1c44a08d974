import Foundation
import LanternModel
import LanternPlanning

/// Where a member's forms send their choice and what proves who sends it: the collector's
/// addresses, the verification code, the `mailto:` fallback.
extension PageContext {
    /// The collector's answer on this member's current choice (`status`, JSON), below the order
    /// endpoint, with what proves who asks; nil without an endpoint. (The choice without
    /// JavaScript, `form`, is reached by submitting the order form's own fields there.)
    func collectorURL(_ page: String, _ member: Member, _ card: Page.Card) -> String? {
        guard !site.orderEndpoint.isEmpty else { return nil }
        let query = [("member", member.id.rawValue), ("theme", card.theme.slug.rawValue), ("code", orderCode(member, card))]
            .map { "\($0)=\(percentEncoded($1))" }.joined(separator: "&")
        return site.orderEndpoint + "/" + page + "?" + query
    }

    /// The verification code the member's form for the card's theme carries (`OrderCode`).
    func orderCode(_ member: Member, _ card: Page.Card) -> String {
        secret.map { OrderCode.code(member: member.id, theme: card.theme.slug, secret: $0) } ?? ""
    }

    func mailto(_ member: Member, _ theme: Theme, _ locale: SiteLocale) -> String? {
        guard !site.orderEmail.isEmpty else { return nil }
        let values = ["theme": theme.slug.rawValue, "member": member.id.rawValue, "title": theme.title(in: locale.language)]
        let subject = locale.format("mail.subject", values)
        let body = locale.format("mail.body", values)
        return "mailto:\(site.orderEmail)?subject=\(percentEncoded(subject))&body=\(percentEncoded(body))"
    }

    /// RFC 3986 percent-encoding of everything but unreserved characters.
    private func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
