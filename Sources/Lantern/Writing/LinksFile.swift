import Foundation
import CSV

/// `private/links.csv`: each member with pages and their personal link, for mail merge.
///
/// UTF-8 with a byte-order mark and CRLF line ends, so Excel on Chinese Windows opens it as is.
enum LinksFile {
    static func csv(_ links: [SitePlan.MemberLink], baseURL: String?) throws -> Data {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: ["id", "name", "email", "phone", "url"])
        for link in links {
            try writer.write(row: [link.member.id.rawValue, link.member.name, link.member.email,
                                   link.member.phone, link.url(baseURL: baseURL)])
        }
        writer.stream.close()
        let body = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
    }
}
