import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// The catalog and the roster are read in the encodings Excel on Chinese Windows saves:
/// 「CSV UTF-8(逗号分隔)」 (UTF-8 with a byte-order mark), 「CSV (逗号分隔)」 (GBK, read as its
/// superset GB18030) and 「Unicode 文本」 (UTF-16LE with a mark, tab-separated). Files are made
/// with the real `iconv`; `Tests/Fixtures/excel/` holds one of each kind, made once the same way.
@Suite struct ExcelEncodingTests {
    static let roster = "content/roster.csv"
    static let catalog = "content/catalog.csv"
    static let excel = TestSite.fixtures.appending(path: "excel")

    /// `data` (UTF-8) converted by iconv to `encoding`.
    static func iconv(_ data: Data, to encoding: String) throws -> Data {
        let tool = try QRScanner.tool("iconv", package: "libc-bin")
        let input = FileManager.default.temporaryDirectory.appending(path: "lantern-iconv-\(UUID().uuidString)")
        try data.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["-f", "UTF-8", "-t", encoding, input.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let converted = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "iconv -t \(encoding) failed")
        return converted
    }

    /// A file as Excel saves it in `form`, made from UTF-8 `text` whose fields hold no commas.
    static func saved(_ text: String, as form: String) throws -> Data {
        switch form {
        case "GB18030": return try iconv(Data(text.utf8), to: "GB18030")
        case "GBK": return try iconv(Data(text.utf8), to: "GBK")
        case "UTF-16LE tab": return Data([0xFF, 0xFE]) + (try iconv(Data(text.replacingOccurrences(of: ",", with: "\t").utf8), to: "UTF-16LE"))
        case "UTF-16BE tab": return Data([0xFE, 0xFF]) + (try iconv(Data(text.replacingOccurrences(of: ",", with: "\t").utf8), to: "UTF-16BE"))
        case "UTF-8 BOM tab": return Data([0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: ",", with: "\t").utf8))
        default: throw QRScanner.Failure(description: "unknown form \(form)")
        }
    }

    /// Every field a member carries, as text, to compare two loads exactly.
    static func fields(_ m: Member) -> [String] {
        let birthday: String = switch m.birthday {
        case nil: ""
        case .solar(let day): day.description
        case .lunar(let date): "L" + date.description
        }
        return [m.id.rawValue, m.name, m.department, m.gender?.rawValue ?? "", birthday, m.hireDate?.description ?? "",
                m.city, m.email, m.phone, m.language, m.status.rawValue, m.tags.sorted().joined(separator: "|")]
    }

    static func load(_ file: String) throws -> (members: [Member], warnings: [Diagnostic]) {
        try RosterLoader.load(try Data(contentsOf: excel.appending(path: file)), displayPath: file)
    }

    @Test(arguments: ["roster-utf8-bom.csv", "roster-gbk.csv", "roster-utf16le-tab.txt"])
    func excelFixtureLoadsTheSameMembersAsUTF8(file: String) throws {
        let original = try Self.load("roster-utf8.csv")
        #expect(original.members.count == 5 && original.warnings.isEmpty)
        #expect(original.members.map(\.name) == ["阿依古丽·买买提", "欧阳娜娜", "张喆", "李娜（大）", "Emily Carter"])
        #expect(original.members[1].department == "市场部,华南组")
        let loaded = try Self.load(file)
        #expect(loaded.members.map(Self.fields) == original.members.map(Self.fields))
        if file == "roster-gbk.csv" {
            // `X001,` is 5 characters: the first that is not UTF-8 is column 6.
            let warning = try only(.warning, containing: "read as GB18030", in: loaded.warnings)
            #expect(warning.location == at(file, 2, 6))
            #expect(warning.message.contains("`阿依古丽·买买提`"))
            #expect(loaded.warnings.count == 1)
        } else {
            #expect(loaded.warnings.isEmpty)
        }
    }

    @Test func fixturesAreWhatTheyClaimToBe() throws {
        let utf8 = try Data(contentsOf: Self.excel.appending(path: "roster-utf8.csv"))
        #expect(try Data(contentsOf: Self.excel.appending(path: "roster-gbk.csv")) == Self.iconv(utf8, to: "GBK"))
        #expect(try Data(contentsOf: Self.excel.appending(path: "roster-utf8-bom.csv")) == Data([0xEF, 0xBB, 0xBF]) + utf8)
        let utf16 = try Data(contentsOf: Self.excel.appending(path: "roster-utf16le-tab.txt"))
        #expect(Array(utf16.prefix(4)) == [0xFF, 0xFE, UInt8(ascii: "i"), 0])
        #expect(String(decoding: utf8, as: UTF8.self).contains("\r\n"))
    }

    @Test(arguments: ["GB18030", "GBK", "UTF-16LE tab", "UTF-16BE tab", "UTF-8 BOM tab"])
    func siteSavedByExcelBuildsLikeUTF8(form: String) throws {
        let plain = try TestSite("minimal")
        try plain.build(today: "2026-06-10")
        let site = try TestSite("minimal")
        for file in [Self.catalog, Self.roster] {
            let text = try site.read(file)
            try #require(!text.contains("\"") && !text.contains("\t"), "the minimal \(file) must need no quoting for this test")
            try site.write(file, try Self.saved(text, as: form))
        }
        let result = try site.build(today: "2026-06-10")
        #expect(site.outputFiles() == plain.outputFiles())
        let encodingWarnings = result.warnings.filter { $0.message.contains("GB18030") }
        if form.hasPrefix("GB") {
            // `T001,` and `Z-1,` come before the first Chinese character of each file.
            #expect(encodingWarnings.map(\.location) == [at(Self.catalog, 2, 5), at(Self.roster, 2, 6)])
        } else {
            #expect(encodingWarnings.isEmpty)
        }
    }

    @Test(arguments: ["GB18030", "UTF-16LE tab"])
    func positionsInDecodedFilesCountCharacters(form: String) throws {
        let site = try TestSite("minimal", overlay: "invalid/bad-roster-values")
        try site.write(Self.roster, try Self.saved(try site.read(Self.roster), as: form))
        let errors = site.failure().filter { $0.severity == .error }
        // The same places as in UTF-8 (`RosterErrorTests`): a tab is one column, like a comma.
        let expected: [(String, Int, Int)] = [
            ("bad birthday `1990-13-01`", 2, 15), ("bad birthday `1990/01/01`", 3, 15),
            ("bad hire_date `1990-13-01`", 4, 26), ("bad hire_date `1990/01/01`", 5, 26),
            ("unknown gender `X`", 6, 13), ("unknown status `retired`", 7, 37),
        ]
        for (message, line, column) in expected {
            #expect(try only(.error, containing: message, in: errors).location == at(Self.roster, line, column), "\(message)")
        }
        #expect(errors.count == 6)
    }

    @Test func gb18030ReadsWhatGBKCannotHold() throws {
        // 𠀀 (U+20000) is four bytes in GB18030, € two; GBK has neither.
        let text = "id,name,city\r\nT1,王𠀀,€城\r\n"
        let (members, warnings) = try RosterLoader.load(try Self.iconv(Data(text.utf8), to: "GB18030"))
        #expect(members.map(\.name) == ["王𠀀"] && members.map(\.city) == ["€城"])
        #expect(warnings.count == 1)
    }

    @Test func bytesThatAreNeitherUTF8NorGB18030AreAnErrorNamingThem() throws {
        let site = try TestSite("minimal")
        // 0x80 alone is not UTF-8, and not GB18030 (whose lead bytes are 0x81–0xFE).
        try site.write(Self.roster, Data(Array("id,name\nT1,ab".utf8) + [0x80] + Array("x\n".utf8)))
        let errors = site.failure()
        let error = try only(.error, containing: "neither UTF-8 nor GB18030", in: errors)
        #expect(error.location == at(Self.roster, 2, 6))
        #expect(error.message.contains("0x80 0x78 0x0A") && error.message.contains("at line 2, column 6 is not GB18030"))
        #expect(error.hint?.contains("CSV UTF-8") == true)
        #expect(errors.count == 1)
    }

    @Test func utf8RowsInAGBKFileAreAnError() throws {
        let site = try TestSite("minimal")
        let gbk = try Self.iconv(Data(try site.read(Self.roster).utf8), to: "GBK")
        try site.write(Self.roster, gbk + Data("T007,孙悟空,研发部,M,,,,北京,,,,,\n".utf8))
        let errors = site.failure()
        let error = try only(.error, containing: "mixes encodings", in: errors)
        #expect(error.location == at(Self.roster, 2, 6))
        #expect(error.message.contains("`孙悟空` on line 8 is UTF-8"))
        #expect(errors.count == 1)
    }

    @Test func gbkBytesAfterAUTF8ByteOrderMarkAreAnError() throws {
        let site = try TestSite("minimal")
        try site.write(Self.roster, Data([0xEF, 0xBB, 0xBF]) + (try Self.iconv(Data(try site.read(Self.roster).utf8), to: "GBK")))
        let error = try only(.error, containing: "UTF-8 byte-order mark but is not valid UTF-8", in: site.failure())
        #expect(error.location == at(Self.roster, 2, 6))
        #expect(error.message.contains("0xC0 0xEE"))  // 李 in GBK
    }

    @Test(arguments: ["UTF-16LE", "UTF-16BE"])
    func utf16WithoutAByteOrderMarkIsNamed(encoding: String) throws {
        let site = try TestSite("minimal")
        try site.write(Self.roster, try Self.iconv(Data(try site.read(Self.roster).utf8), to: encoding))
        let errors = site.failure()
        let error = try only(.error, containing: "looks like \(encoding) without a byte-order mark", in: errors)
        #expect(error.location == at(Self.roster, 1, 1))
        #expect(error.hint?.contains("iconv -f \(encoding) -t UTF-8") == true)
        #expect(errors.count == 1)
    }

    @Test func brokenUTF16IsAnErrorAtTheCharacter() throws {
        let site = try TestSite("minimal")
        // A high surrogate (0xD800) followed by `x`: half a character, on line 2 after `T1,`.
        let units = Array("id,name\nT1,".utf16) + [0xD800] + Array("x\n".utf16)
        try site.write(Self.roster, Data([0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let error = try only(.error, containing: "UTF-16LE with a broken character (0xD800", in: site.failure())
        #expect(error.location == at(Self.roster, 2, 4))

        try site.write(Self.roster, Data([0xFE, 0xFF] + Array("id,name\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + [0x00]))
        let odd = try only(.error, containing: "UTF-16BE but has an odd number of bytes", in: site.failure())
        #expect(odd.location == at(Self.roster, 2, 1))
    }

    @Test func theHeaderLineDecidesTheDelimiter() throws {
        #expect(CSVTable.delimiter(ofHeaderIn: "id\tname\tcity\r\nT1\t\"a,b,c\"\tx") == "\t")
        #expect(CSVTable.delimiter(ofHeaderIn: "id,name,\"a\tb\"\nT1\tx") == ",")
        #expect(CSVTable.delimiter(ofHeaderIn: "\"id\tname\tx\",y\n") == ",")
        #expect(CSVTable.delimiter(ofHeaderIn: "id") == ",")
        // A tab-separated file: a comma inside a field is just text.
        let (members, _) = try RosterLoader.load(Data("id\tname\tdepartment\nT1\t张三\t研发,一部\n".utf8))
        #expect(members.map(\.department) == ["研发,一部"])
    }
}
