import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Input files must be UTF-8: other encodings are refused at the first bad byte; a byte-order
/// mark and CRLF line breaks (both what Excel writes) are read as if they were not there. The
/// catalog and the roster may also be in the other encodings Excel saves: `ExcelEncodingTests`.
@Suite struct EncodingTests {
    static let catalog = "content/catalog.csv"
    /// 名称 in GBK/GB18030, as Excel on Chinese Windows saves it.
    static let gbkName: [UInt8] = [0xC3, 0xFB, 0xB3, 0xC6]

    @Test func gbkCatalogIsRefusedAtTheFirstBadByte() throws {
        let site = try TestSite("minimal")
        try site.write(Self.catalog, Data(Array("sku,name,category,price\nZ-1,".utf8) + Self.gbkName + Array(",食品,128\n".utf8)))
        let errors = site.failure()
        let error = try only(.error, containing: "not valid UTF-8", in: errors)
        #expect(error.location == at(Self.catalog, 2, 5))
        #expect(error.message.contains("0xC3"))
        #expect(error.hint?.contains("UTF-8") == true)
        #expect(errors.count == 1)
    }

    @Test func badByteColumnCountsScalarsNotBytes() throws {
        // `Z-1,粽子,` is 7 scalars but 11 bytes: the bad byte is column 8.
        let site = try TestSite("minimal")
        try site.write(Self.catalog, Data(Array("sku,name,category,price\nZ-1,粽子,".utf8) + Self.gbkName + Array(",128\n".utf8)))
        let error = try only(.error, containing: "not valid UTF-8", in: site.failure())
        #expect(error.location == at(Self.catalog, 2, 8))
    }

    @Test func gbkThemeIsRefusedAtTheFirstBadByte() throws {
        let site = try TestSite("minimal")
        let theme = "content/themes/dragon-boat.md"
        let text = try site.read(theme).replacingOccurrences(of: "title: 端午安康", with: "title: ")
        let bytes = Array(text.utf8)
        let titleEnd = bytes.firstRange(of: Array("title: ".utf8))!.upperBound
        try site.write(theme, Data(bytes[..<titleEnd] + Self.gbkName + bytes[titleEnd...]))
        let error = try only(.error, containing: "not valid UTF-8", in: site.failure())
        #expect(error.location == at(theme, 2, 8))
    }

    /// Moved from the catalog (which now reads UTF-16 with a byte-order mark, as Excel saves
    /// 「Unicode 文本」: `ExcelEncodingTests`) to a theme, written in an editor, not in Excel.
    @Test func utf16IsRefused() throws {
        let site = try TestSite("minimal")
        let theme = "content/themes/dragon-boat.md"
        try site.write(theme, Data([0xFF, 0xFE] + Array(try site.read(theme).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let error = try only(.error, containing: "UTF-16", in: site.failure())
        #expect(error.location?.file == theme)
        #expect(error.hint?.contains("UTF-8") == true)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let plain = try TestSite("minimal")
        try plain.build(today: "2026-06-10")
        let site = try TestSite("minimal")
        for file in [Self.catalog, "content/roster.csv", "content/themes/dragon-boat.md"] {
            try site.write(file, Data([0xEF, 0xBB, 0xBF] + Array(try site.read(file).utf8)))
        }
        try site.build(today: "2026-06-10")
        #expect(site.outputFiles() == plain.outputFiles())
    }

    @Test func byteOrderMarkTakesNoColumn() throws {
        let site = try TestSite("minimal")
        try site.write(Self.catalog, Data([0xEF, 0xBB, 0xBF] + Array("sku,name,category,price\nZ-1,咸蛋,节令食品,abc\n".utf8)))
        let errors = site.failure()
        #expect(try only(.error, containing: "bad price `abc`", in: errors).location == at(Self.catalog, 2, 13))
        #expect(errors.count == 1)
    }

    @Test func crlfFilesBuildLikeLFFiles() throws {
        let plain = try TestSite("minimal")
        try plain.build(today: "2026-06-10")
        let site = try TestSite("minimal")
        for file in SiteFiles.all(site.site.appending(path: "content")) {
            let relative = String(file.path.dropFirst(site.site.standardizedFileURL.path.count + 1))
            try site.write(relative, try site.read(relative).replacingOccurrences(of: "\n", with: "\r\n"))
        }
        #expect(try site.read(Self.catalog).contains("\r\n"))
        try site.build(today: "2026-06-10")
        #expect(site.outputFiles() == plain.outputFiles())
    }
}
