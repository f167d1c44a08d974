import Foundation
import LanternPlanning

/// `private/links.csv`: each member with pages and their personal link, for mail merge.
///
/// Written as `ExcelCSV`, so Excel on Chinese Windows opens it as is.
package enum LinksFile {
    package static func csv(_ links: [SitePlan.MemberLink], baseURL: String?, encryptedWith secret: Secret?) throws -> Data {
        try ExcelCSV.data(header: ["id", "name", "email", "phone", "url"], rows: links.map { link in
            [link.member.id.rawValue, link.member.name, link.member.email, link.member.phone,
             link.url(baseURL: baseURL, secret: secret)]
        })
    }

    /// The same rows as JSON: `[{"id": …, "name": …, "email": …, "phone": …, "url": …}]`.
    package static func json(_ links: [SitePlan.MemberLink], baseURL: String?, encryptedWith secret: Secret?) throws -> Data {
        let rows = links.map { link in
            ["id": link.member.id.rawValue, "name": link.member.name, "email": link.member.email,
             "phone": link.member.phone, "url": link.url(baseURL: baseURL, secret: secret)]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(rows) + Data("\n".utf8)
    }
}
