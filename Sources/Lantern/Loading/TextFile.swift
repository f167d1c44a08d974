import Foundation

/// A user's text file read as UTF-8, with a byte-order mark removed and bad encodings refused.
struct TextFile {
    /// The path as the user should see it in diagnostics (relative to the site when possible).
    var displayPath: String
    var text: String

    /// Reads `url`; a file that is not UTF-8 is refused with the line of the first bad byte.
    static func read(_ url: URL, displayPath: String) throws(DiagnosticsError) -> TextFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticsError([.error("cannot read file", at: SourceLocation(file: displayPath),
                                           hint: "check that it exists and is readable")])
        }
        return try decode(data, displayPath: displayPath)
    }

    static func decode(_ data: Data, displayPath: String) throws(DiagnosticsError) -> TextFile {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DiagnosticsError([.error("file is UTF-16, not UTF-8", at: SourceLocation(file: displayPath),
                                           hint: "save it again as UTF-8 (in Excel: 另存为 → CSV UTF-8(逗号分隔))")])
        }
        if let bad = firstInvalidUTF8(bytes) {
            let before = bytes[..<bad]
            let line = before.filter { $0 == 0x0A }.count + 1
            // Columns count scalars, so the valid text before the bad byte is decoded, not measured in bytes.
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
            throw DiagnosticsError([.error(
                "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                at: SourceLocation(file: displayPath, line: line, column: column),
                hint: "Excel on Chinese Windows saves GBK/GB18030; save as 'CSV UTF-8(逗号分隔)' instead, "
                    + "or convert with: iconv -f GB18030 -t UTF-8")])
        }
        return TextFile(displayPath: displayPath, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The byte offset of the first byte that does not belong to valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
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
}
