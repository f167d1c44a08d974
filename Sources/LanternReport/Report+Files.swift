import Foundation
import LanternModel
import LanternWriting

/// The report's files, each with its name in `private/reports/`. Every CSV is `ExcelCSV`
/// (UTF-8 with BOM, CRLF, formula-safe cells), like `links.csv`.
extension Report {
    /// `private/reports/`
    package static let folder = "reports"

    package func files() throws -> [(name: String, bytes: Data)] {
        var files: [(name: String, bytes: Data)] = []
        for theme in themes {
            let slug = theme.theme.slug.rawValue
            files.append(("orders-\(slug).csv", try Self.orders(theme)))
            files.append(("supplier-\(slug).csv", try Self.supplier(theme)))
            files.append(("reminders-\(slug).csv", try LinksFile.csv(theme.reminders, baseURL: site.baseURL, encryptedWith: linkKey)))
            files.append(("feedback-\(slug).csv", try Self.feedback(theme)))
        }
        files.append(("requests.csv", try requestsFile()))
        files.append(("index.html", ReportPage.html(self)))
        return files
    }

    /// Writes the files into `folder` (0700, each file 0600 and replaced in one step), and
    /// removes the CSVs an earlier report wrote for themes this one does not cover.
    package func write(into folder: URL) throws {
        try PrivateFiles.write(try files(), into: folder, removingStale: Self.isThemeFile)
    }

    static func isThemeFile(_ name: String) -> Bool {
        name.hasSuffix(".csv") && ["orders-", "supplier-", "reminders-", "feedback-"].contains { name.hasPrefix($0) }
    }

    static let ordersHeader = ["id", "name", "department", "city", "skus", "items", "total", "receipt", "time", "submissions"]
    static let supplierHeader = ["supplier", "sku", "name", "city", "quantity", "unit_price", "amount"]

    static func orders(_ theme: ThemeReport) throws -> Data {
        let clock = ShanghaiClock()
        return try ExcelCSV.data(header: ordersHeader, rows: theme.orders.map { line in
            [line.choice.member, line.member?.name ?? "", line.member?.department ?? "", line.member?.city ?? "",
             line.choice.skus.joined(separator: " "),
             zip(line.choice.skus, line.items).map { sku, item in item?.name ?? "[\(sku) 已不在目录 not in the catalog]" }.joined(separator: "、"),
             line.total.decimalYuan, line.choice.receipt, clock.time(line.choice.time), String(line.choice.submissions)]
        })
    }

    /// One row per answer: the rating, the comment, and the member id unless feedback is
    /// anonymous (then the store has none to give).
    static func feedback(_ theme: ThemeReport) throws -> Data {
        try ExcelCSV.data(header: ["rating", "comment", "id"], rows: theme.feedback.map { [String($0.rating), $0.comment, $0.member ?? ""] })
    }

    /// Care-menu requests: sensitive, so only here in the private folder, with what the union
    /// needs to answer them.
    func requestsFile() throws -> Data {
        let clock = ShanghaiClock()
        return try ExcelCSV.data(header: ["receipt", "time", "id", "name", "department", "phone", "package", "note"], rows: requests.map { line in
            [line.request.receipt, clock.time(line.request.time), line.request.member, line.member?.name ?? "",
             line.member?.department ?? "", line.member?.phone ?? "", line.package?.title ?? line.request.package, line.request.note]
        })
    }

    static func supplier(_ theme: ThemeReport) throws -> Data {
        try ExcelCSV.data(header: supplierHeader, rows: theme.supply.map { line in
            [line.supplier, line.sku, line.name, line.city, String(line.quantity), line.unitPrice.decimalYuan, line.amount.decimalYuan]
        })
    }

    /// `2026-06-10T09:30:00+08:00`: ISO 8601 in China's time, as the admins read the clock.
    static func shanghaiTime(_ date: Date) -> String { ShanghaiClock().time(date) }
}

/// One formatter for a whole file: making one (ICU's date symbols) costs far more than using it,
/// and a report writes 100,000 times.
struct ShanghaiClock {
    private let formatter: ISO8601DateFormatter

    init() {
        formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.formatOptions = [.withInternetDateTime]
    }

    func time(_ date: Date) -> String { formatter.string(from: date) }
}
