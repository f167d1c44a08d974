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

/// `ExcelCSV` writes what the CSV library writes, and the library reads it back exactly.
@Suite struct ExcelCSVTests {
    static let header = ["id", "name", "note"]
    static let rows = [
        ["T001", "张伟", "plain"],
        ["T002", "Li, Na", "comma"],
        ["T003", "say \"hi\"", "quotes"],
        ["T004", "two\nlines", "LF"],
        ["T005", "two\r\nlines", "CRLF"],
        ["T006", "", "empty field"],
        ["T007", "\"\u{301}", "quote + combining mark"],
        ["T008", ",\u{301}", "comma + combining mark"],
        ["T009", "😀👩‍👩‍👧", "emoji"],
    ]

    static func read(_ data: Data) throws -> [[String]] {
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test func theLibraryReadsBackEveryField() throws {
        let data = try ExcelCSV.data(header: Self.header, rows: Self.rows)
        #expect(try Self.read(data) == [Self.header] + Self.rows)
    }

    @Test func bytesMatchTheLibrarysWriterForOrdinaryFields() throws {
        let ordinary = Array(Self.rows.prefix(6))
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: Self.header)
        for row in ordinary { try writer.write(row: row) }
        writer.stream.close()
        let body = try #require(writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)
        let expected = Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
        #expect(try ExcelCSV.data(header: Self.header, rows: ordinary) == expected)
    }

    @Test func aQuoteBeforeACombiningMarkIsStillQuoted() throws {
        let data = try ExcelCSV.data(header: ["a", "b"], rows: [["\"\u{301}", "x"]])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "a,b\r\n\"\"\"\u{301}\",x\r\n")
    }
}
