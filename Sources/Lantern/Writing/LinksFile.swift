import Foundation
import CSV

/// `private/links.csv`: each member with pages and their personal link, for mail merge.
///
/// UTF-8 with a byte-order mark and CRLF line ends, so Excel on Chinese Windows opens it as is.
enum LinksFile {
    static func csv(_ links: [SitePlan.MemberLink], baseURL: String?, encryptedWith secret: Secret?) throws -> Data {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: ["id", "name", "email", "phone", "url"])
        for link in links {
            try writer.write(row: [link.member.id.rawValue, link.member.name, link.member.email,
                                   link.member.phone, link.url(baseURL: baseURL, secret: secret)])
        }
        writer.stream.close()
        let body = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
    }

    /// The same rows as JSON: `[{"id": …, "name": …, "email": …, "phone": …, "url": …}]`.
    static func json(_ links: [SitePlan.MemberLink], baseURL: String?, encryptedWith secret: Secret?) throws -> Data {
        let rows = links.map { link in
            ["id": link.member.id.rawValue, "name": link.member.name, "email": link.member.email,
             "phone": link.member.phone, "url": link.url(baseURL: baseURL, secret: secret)]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(rows) + Data("\n".utf8)
    }
}
