import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Invisible characters that change what a value is or how it reads are refused in CSV fields,
/// each at its own line and column (`CSVFieldCharacters`); tabs and the line breaks of quoted
/// fields are kept.
@Suite struct CSVCharacterTests {
    static let catalog = "content/catalog.csv"
    static let roster = "content/roster.csv"

    static let refused: [UInt32] = Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0x7F, 0x80, 0x85, 0x9F]
        + Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0xFEFF]

    @Test(arguments: refused)
    func refusedCharacterIsAnErrorAtItsColumn(value: UInt32) throws {
        let site = try TestSite("minimal")
        let scalar = String(Character(Unicode.Scalar(value)!))
        // `Z-1,肉` is 5 characters: the refused one is column 6 of line 2.
        try site.write(Self.catalog, try site.read(Self.catalog).replacingOccurrences(of: "Z-1,肉粽礼盒", with: "Z-1,肉\(scalar)粽礼盒"))
        let errors = site.failure()
        let hex = String(value, radix: 16, uppercase: true)
        let error = try only(.error, containing: "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex, in: errors)
        #expect(error.location == at(Self.catalog, 2, 6))
        #expect(error.hint?.isEmpty == false)
        #expect(errors.count == 1)
    }

    @Test func nulIsNamed() throws {
        let site = try TestSite("minimal")
        try site.write(Self.roster, try site.read(Self.roster).replacingOccurrences(of: "T002,王强", with: "T002,王\u{0}强"))
        let error = try only(.error, containing: "control character U+0000 (NUL) in a field", in: site.failure())
        #expect(error.location == at(Self.roster, 3, 7))
    }

    @Test func rightToLeftOverrideIsNamed() throws {
        let site = try TestSite("minimal")
        try site.write(Self.roster, try site.read(Self.roster).replacingOccurrences(of: "T002,王强", with: "T002,\u{202E}强王"))
        let error = try only(.error, containing: "U+202E (RIGHT-TO-LEFT OVERRIDE)", in: site.failure())
        #expect(error.location == at(Self.roster, 3, 6))
        #expect(error.hint?.contains("another order") == true)
    }

    @Test func tabsAndQuotedLineBreaksAreKept() throws {
        let text = "id,name,department\nT1,\"王\t强\",\"研发\r\n一部\"\nT2,李\t静,\"a\nb\"\n"
        let (members, warnings) = try RosterLoader.load(Data(text.utf8))
        #expect(members.map(\.name) == ["王\t强", "李\t静"])
        #expect(members.map(\.department) == ["研发\r\n一部", "a\nb"])
        #expect(warnings.isEmpty)
    }

    @Test func positionAfterAQuotedLineBreak() throws {
        // The field starts on line 2; its second line holds the control character at column 3.
        let text = "id,name,department\nT1,张三,\"研发\nab\u{7}c\"\n"
        let error = try #require(throws: DiagnosticsError.self) { try RosterLoader.load(Data(text.utf8)) }
        #expect(error.diagnostics.map(\.location) == [at(Self.roster, 3, 3)])
        #expect(error.diagnostics[0].message.contains("U+0007 (BEL)"))
    }

    @Test func reportedWithTheFilesOtherProblemsInOnePass() throws {
        let text = "sku,name,category,price\nA,粽\u{0}子,食品,10\nB,粽子,食品,abc\nC,粽子\u{1B},食品,10\n"
        let error = try #require(throws: DiagnosticsError.self) { try CatalogLoader.load(Data(text.utf8)) }
        #expect(error.diagnostics.map(\.location) == [at(Self.catalog, 2, 4), at(Self.catalog, 4, 5), at(Self.catalog, 3, 9)])
        #expect(error.diagnostics.map(\.message) == ["control character U+0000 (NUL) in a field", "control character U+001B (ESC) in a field",
                                                     "bad price `abc`"])
    }

    @Test func onlyTheFirstInAFieldAndTheFirstTwentyFieldsAreListed() throws {
        let rows = (1...25).map { "T\($0),张\u{0}\u{0}三" }
        let text = "id,name\n" + rows.joined(separator: "\n") + "\n"
        let error = try #require(throws: DiagnosticsError.self) { try RosterLoader.load(Data(text.utf8)) }
        let listed = error.diagnostics.filter { $0.message.contains("U+0000") }
        #expect(listed.count == 20)
        #expect(listed.map(\.location) == (2...21).map { at(Self.roster, $0, $0 < 11 ? 5 : 6) })
        let rest = try only(.error, containing: "5 more fields", in: error.diagnostics)
        #expect(rest.location == at(Self.roster, 1, 1))
        #expect(error.diagnostics.count == 21)
    }

    @Test func headerIsCheckedToo() throws {
        let error = try #require(throws: DiagnosticsError.self) { try RosterLoader.load(Data("id,name,no\u{8}te\nT1,张三,x\n".utf8)) }
        #expect(error.diagnostics.map(\.location) == [at(Self.roster, 1, 11)])
    }

    @Test func tabSeparatedFilesAreCheckedAtTheirColumns() throws {
        let text = "id\tname\tcity\nT1\t张三\t北\u{1}京\n"
        let error = try #require(throws: DiagnosticsError.self) { try RosterLoader.load(Data(text.utf8)) }
        #expect(error.diagnostics.map(\.location) == [at(Self.roster, 2, 8)])
    }
}
