import Foundation
import LanternModel

/// A user's text file decoded, with a byte-order mark removed and bad encodings refused.
struct TextFile {
    /// Which encodings a file may be in.
    enum Encodings {
        /// UTF-8 only: YAML, Markdown and templates, which the admin writes in an editor.
        case utf8
        /// What Excel saves: UTF-8, GB18030 (GBK) or UTF-16 with a byte-order mark (`TextFile+Spreadsheet`).
        case spreadsheet
    }

    /// The path as the user should see it in diagnostics (relative to the site when possible).
    var displayPath: String
    var text: String
    /// Said about how the file was read, e.g. that it was not UTF-8 but GB18030.
    var warnings: [Diagnostic] = []

    /// Reads `url`; a file in none of `encodings` is refused with the line of the first bad byte.
    static func read(_ url: URL, displayPath: String, encodings: Encodings = .utf8) throws(DiagnosticsError) -> TextFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticsError([.error("cannot read file", at: SourceLocation(file: displayPath),
                                           hint: "check that it exists and is readable")])
        }
        return try decode(data, displayPath: displayPath, encodings: encodings)
    }

    static func decode(_ data: Data, displayPath: String, encodings: Encodings = .utf8) throws(DiagnosticsError) -> TextFile {
        if encodings == .spreadsheet { return try decodeSpreadsheet([UInt8](data), displayPath: displayPath) }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DiagnosticsError([.error("file is UTF-16, not UTF-8", at: SourceLocation(file: displayPath),
                                           hint: "save it again as UTF-8 (in Excel: 另存为 → CSV UTF-8(逗号分隔))")])
        }
        try refuseUTF16WithoutMark(bytes, displayPath: displayPath, hint: "save it again as UTF-8, or convert it with: iconv -f %@ -t UTF-8")
        if let bad = firstInvalidUTF8(bytes) {
            throw DiagnosticsError([.error(
                "file is not valid UTF-8 (\(hex(bytes[bad...].prefix(4))))",
                at: location(after: String(decoding: bytes[..<bad], as: UTF8.self), in: displayPath),
                hint: "Excel on Chinese Windows saves GBK/GB18030; save as 'CSV UTF-8(逗号分隔)' instead, "
                    + "or convert with: iconv -f GB18030 -t UTF-8")])
        }
        return TextFile(displayPath: displayPath, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The byte offset of the first byte that does not belong to valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: some Collection<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// UTF-16 saved without a byte-order mark reads as valid UTF-8 when its text is ASCII, with a
    /// NUL after (LE) or before (BE) every character. The column names of Lantern's CSV files
    /// are ASCII, so the first bytes show it; `hint` gets the encoding's name for `%@`.
    static func refuseUTF16WithoutMark(_ bytes: [UInt8], displayPath: String, hint: String) throws(DiagnosticsError) {
        let sample = bytes.prefix(512)
        let pairs = sample.count / 2
        guard pairs >= 2 else { return }
        var zeroEven = 0, zeroOdd = 0
        for (i, byte) in sample.prefix(2 * pairs).enumerated() where byte == 0 {
            if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        // A quarter of the characters being ASCII (with their NUL on one side only) is far from
        // any real UTF-8 text, where a NUL byte is an error on its own.
        let name: String
        if 4 * zeroOdd >= pairs && zeroEven * 4 <= zeroOdd { name = "UTF-16LE" }
        else if 4 * zeroEven >= pairs && zeroOdd * 4 <= zeroEven { name = "UTF-16BE" }
        else { return }
        throw DiagnosticsError([.error(
            "file looks like \(name) without a byte-order mark (every other byte is 0x00)",
            at: SourceLocation(file: displayPath), hint: hint.replacingOccurrences(of: "%@", with: name))])
    }

    /// Where the text after `decoded` starts, counting lines as the CSV position tracker does
    /// (LF, CRLF or a lone CR) and columns in Unicode scalars.
    static func location(after decoded: String, in path: String) -> SourceLocation {
        var line = 1, column = 1, afterCR = false
        for scalar in decoded.unicodeScalars {
            if scalar == "\n" {
                if !afterCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            afterCR = scalar == "\r"
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    /// `0xC3 0xFB`: bytes as a diagnostic names them.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
