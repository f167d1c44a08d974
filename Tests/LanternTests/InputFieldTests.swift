import CSV
import Foundation
import Testing
@testable import Lantern
@testable import LanternModel

/// Every field of the catalog and the roster, changed alone in one row, and a few of the other
/// inputs: the rebuild gives exactly what a build from scratch gives (no page kept that shows the
/// old value), and it writes exactly the files whose bytes changed and removes exactly the ones
/// that are gone (nothing else is touched). Which pages a field shows on is not listed here by
/// hand: the build from scratch says it.
@Suite struct InputFieldTests {
    struct Change: Sendable, CustomTestStringConvertible {
        var file: String
        /// The row's key (first column) and the column to set, or nil for a text edit.
        var row: String?
        var column: String?
        var value: String
        /// For a text edit: what to replace with `value`.
        var old: String?
        /// The day built: one on which the field shows, where it shows only on some days.
        var today = "2026-06-10"
        /// Whether any public file shows it on that day (contact details never do; a stock
        /// count only as "sold out"; the sample has no theme for a roster tag).
        var shows = true
        var testDescription: String { row.map { "\(file) \($0).\(column!) = \(value) on \(today)" } ?? "\(file): \(old!) → \(value)" }

        static func cell(_ file: String, _ row: String, _ column: String, _ value: String, today: String = "2026-06-10",
                         shows: Bool = true) -> Change {
            Change(file: file, row: row, column: column, value: value, today: today, shows: shows)
        }
        static func text(_ file: String, _ old: String, _ value: String) -> Change {
            Change(file: file, value: value, old: old)
        }
    }

    static let catalog = "content/catalog.csv", roster = "content/roster.csv"

    /// One value per column of each table (every column the loaders read), each valid on its own.
    static let changes: [Change] = [
        .cell(catalog, "DB-001", "name", "嘉禾轩鲜肉粽礼盒（改）"),
        .cell(catalog, "DB-001", "category", "节令礼品"),
        .cell(catalog, "DB-001", "price", "127.00"),
        .cell(catalog, "DB-001", "supplier", "另一家食品有限公司"),
        .cell(catalog, "SVC-001", "kind", "goods", shows: false),  // in no open shop's tags
        .cell(catalog, "DB-002", "kind", "service"),
        .cell(catalog, "DB-013", "voucher", "cake"),
        .cell(catalog, "DB-001", "tags", "dragon-boat|birthday"),
        .cell(catalog, "DB-001", "cities", "北京"),
        .cell(catalog, "DB-001", "image", "db-002.png"),
        .cell(catalog, "DB-001", "description", "精选五花肉与圆糯米（改）。"),
        .cell(catalog, "DB-001", "stock", "0"),
        .cell(catalog, "DB-001", "stock", "", shows: false),
        .cell(catalog, "DB-001", "stock", "7", shows: false),
        .cell(catalog, "DB-001", "active", "false"),
        .cell(roster, "E1001", "name", "张伟伟"),
        .cell(roster, "E1001", "department", "财务部"),
        .cell(roster, "E1001", "gender", "F", shows: false),
        .cell(roster, "E1001", "gender", "F", today: "2026-03-05"),
        .cell(roster, "E1001", "birthday", "1985-06-12"),
        .cell(roster, "E1001", "birthday_calendar", "lunar"),
        .cell(roster, "E1001", "hire_date", "2000-07-01"),
        .cell(roster, "E1001", "city", "上海"),
        .cell(roster, "E1001", "email", "zw@example.com", shows: false),
        .cell(roster, "E1001", "phone", "13900001001", shows: false),
        .cell(roster, "E1001", "language", "en"),
        .cell(roster, "E1001", "status", "left"),
        .cell(roster, "E1001", "tags", "frontline", shows: false),
        .text("content/themes/dragon-boat-2026.md", "budget: 200", "budget: 150"),
        .text("content/themes/dragon-boat-2026.md", "粽叶飘香，又是一年端午时。", "粽叶飘香，改过的一句。"),
        .text("templates/partials/choices.mustache", "{{name}}</span>", "{{name}}（改）</span>"),
    ]

    @Test(arguments: changes)
    func aChangedFieldRebuildsExactlyWhatShowsIt(_ change: Change) throws {
        let site = try TestSite("sample")
        let today = change.today
        try site.build(today: today)
        let before = site.outputFiles()
        try Self.apply(change, to: site)
        let result = try site.build(today: today)
        let after = site.outputFiles()

        let fresh = try site.referenceFiles(today: today)
        let stale = Set(fresh.keys).union(after.keys).filter { fresh[$0] != after[$0] }.sorted()
        #expect(stale.isEmpty, "\(stale.count) files differ from a build from scratch: \(stale.prefix(6))")

        let changed = after.keys.filter { before[$0] != after[$0] }
        let gone = before.keys.filter { after[$0] == nil }
        #expect(result.output.written == changed.count, "wrote \(result.output.written), \(changed.count) changed")
        #expect(result.output.removed == gone.count, "removed \(result.output.removed), \(gone.count) gone")
        if change.shows {
            #expect(!changed.isEmpty || !gone.isEmpty, "the change shows on no page")
        } else {
            #expect(changed.isEmpty && gone.isEmpty, "\(changed.prefix(4))")
        }
    }

    static func apply(_ change: Change, to site: TestSite) throws {
        let text = try site.read(change.file)
        guard let row = change.row, let column = change.column else {
            let old = try #require(change.old)
            #expect(text.contains(old), "\(old) in \(change.file)")
            return try site.write(change.file, text.replacingOccurrences(of: old, with: change.value))
        }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let fields = reader.next() { rows.append(fields) }
        let index = try #require(rows[0].firstIndex(of: column), "\(column) in \(change.file)")
        let at = try #require(rows.firstIndex { $0.first == row }, "\(row) in \(change.file)")
        #expect(rows[at][index] != change.value, "the value changes")
        rows[at][index] = change.value
        let quoted = rows.map { fields in
            fields.map { field in
                field.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }
        try site.write(change.file, quoted.joined(separator: "\n") + "\n")
    }
}
