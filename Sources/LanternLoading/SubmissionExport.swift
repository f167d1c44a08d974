import Foundation
import LanternModel

/// A CSV export of choices made through another form service or the company OA, as `lantern
/// report --import` reads it: one row per submission with the fields the storefront sends.
///
/// Columns (by name, any order): `member`, `theme`, `code`, `skus` (the SKUs, separated by
/// spaces, commas, `、` or `|`), `time` (ISO 8601, or `YYYY-MM-DD HH:MM[:SS]` and
/// `YYYY/MM/DD HH:MM[:SS]` in China's time, as Excel writes it). Read as the roster is:
/// UTF-8, GBK or UTF-16 as Excel saves it, every problem at its line and column.
package enum SubmissionExport {
    package struct Row: Sendable {
        package var member: String
        package var theme: String
        package var code: String
        package var skus: [String]
        package var time: Date
        package var location: SourceLocation
    }

    static let columns = ["member", "theme", "code", "skus", "time"]

    package static func load(_ url: URL, displayPath: String) throws(DiagnosticsError) -> [Row] {
        let file = try TextFile.read(url, displayPath: displayPath, encodings: .spreadsheet)
        let table = try CSVTable.parse(file)
        var d = Diagnostics()
        let columns = CSVColumns(table, required: Self.columns, known: Self.columns, diagnostics: &d)
        guard columns.headerIsUsable else { throw DiagnosticsError(d.all) }
        var rows: [Row] = []
        for row in table.rows {
            let timeText = columns.value("time", row)
            guard let time = time(timeText) else {
                d.error("bad time `\(timeText)`", at: columns.location("time", row),
                        hint: "write it as 2026-06-10 09:30 (China's time) or 2026-06-10T09:30:00+08:00")
                continue
            }
            let skus = columns.value("skus", row).split(whereSeparator: { " ,，、|;；".contains($0) }).map(String.init)
            rows.append(Row(member: columns.value("member", row), theme: columns.value("theme", row), code: columns.value("code", row),
                            skus: skus, time: time, location: row.location))
        }
        try d.throwIfErrors()
        return rows
    }

    static func time(_ text: String) -> Date? {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/M/d H:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
