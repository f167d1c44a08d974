import LanternModel

/// The encodings Excel saves a sheet in, read as they are: an admin should not need `iconv`.
///
/// In this order: a byte-order mark decides (UTF-8, UTF-16LE for 「Unicode 文本」, UTF-16BE);
/// without one, text that is valid UTF-8 is UTF-8; anything else is read as GB18030, the
/// superset of the GBK that 「CSV (逗号分隔)」 is saved in on Chinese Windows, with a warning
/// that says so. A file that is none of these, or mixes UTF-8 text into GB18030, is an error at
/// the first byte that does not fit.
extension TextFile {
    static func decodeSpreadsheet(_ bytes: [UInt8], displayPath path: String) throws(DiagnosticsError) -> TextFile {
        let resave = "save it again from Excel as 「CSV UTF-8(逗号分隔)」"
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw DiagnosticsError([.error("file is UTF-32, which Lantern does not read", at: SourceLocation(file: path),
                                           hint: resave + ", or convert it with: iconv -f UTF-32 -t UTF-8")])
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes.dropFirst(2), bigEndian: false, path: path) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes.dropFirst(2), bigEndian: true, path: path) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            // The mark says UTF-8: bytes that are not are damage, not another encoding.
            let body = bytes.dropFirst(3)
            if let bad = firstInvalidUTF8(body) {
                throw DiagnosticsError([.error(
                    "file starts with a UTF-8 byte-order mark but is not valid UTF-8 (\(hex(body.dropFirst(bad).prefix(4))))",
                    at: location(after: String(decoding: body.prefix(bad), as: UTF8.self), in: path),
                    hint: "part of the file was pasted from a file in another encoding (GBK?); " + resave)])
            }
            return TextFile(displayPath: path, text: String(decoding: body, as: UTF8.self))
        }
        try refuseUTF16WithoutMark(bytes, displayPath: path,
                                   hint: "save it from Excel as 「Unicode 文本」 (which writes the mark) or 「CSV UTF-8(逗号分隔)」, "
                                       + "or convert it with: iconv -f %@ -t UTF-8")
        guard let bad = firstInvalidUTF8(bytes) else { return TextFile(displayPath: path, text: String(decoding: bytes, as: UTF8.self)) }
        return try gb18030(bytes, firstNonUTF8: bad, path: path)
    }

    private static func gb18030(_ bytes: [UInt8], firstNonUTF8 bad: Int, path: String) throws(DiagnosticsError) -> TextFile {
        let notUTF8 = location(after: String(decoding: bytes[..<bad], as: UTF8.self), in: path)
        let found = hex(bytes[bad...].prefix(4))
        // Before GB18030 is tried: UTF-8 pasted into GBK often leaves a byte GB18030 refuses, and
        // "mixed" says more than "neither".
        if let utf8 = MixedEncoding.utf8Run(in: bytes) {
            let line = bytes[..<utf8.lowerBound].filter { $0 == 0x0A }.count + 1
            throw DiagnosticsError([.error(
                "file mixes encodings: not valid UTF-8 (\(found)), but `\(String(decoding: bytes[utf8], as: UTF8.self))` "
                    + "on line \(line) is UTF-8",
                at: notUTF8, hint: "text pasted from another file kept its encoding; save the whole file again "
                    + "from Excel as 「CSV UTF-8(逗号分隔)」")])
        }
        switch GB18030.decode(bytes) {
        case .failure(.unavailable):
            throw DiagnosticsError([.error("file is not valid UTF-8 (\(found)), and this machine's iconv cannot read GB18030",
                                           at: notUTF8, hint: "save it again from Excel as 「CSV UTF-8(逗号分隔)」")])
        case .failure(.invalid(let offset, let decoded)):
            let there = location(after: decoded, in: path)
            throw DiagnosticsError([.error(
                "file is neither UTF-8 nor GB18030: not valid UTF-8 (\(found)), and \(hex(bytes[offset...].prefix(4))) "
                    + "at line \(there.line), column \(there.column) is not GB18030 either",
                at: notUTF8, hint: "save it again from Excel as 「CSV UTF-8(逗号分隔)」; a file in another encoding "
                    + "(Big5, Shift-JIS…) can be converted with: iconv -f ENCODING -t UTF-8")])
        case .success(var text):
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            // The warning points at the first character that is not UTF-8, counted in GB18030's
            // reading (valid UTF-8 before it may still be GBK that happens to look like UTF-8).
            let (before, start) = switch GB18030.decode(Array(bytes[..<bad])) {
            case .success(let text): (text, bad)
            case .failure(.invalid(let offset, let decoded)): (decoded, offset)
            case .failure(.unavailable): ("", 0)
            }
            let sample = switch GB18030.decode(Array(bytes[start..<min(start + 24, bytes.count)])) {
            case .success(let text): text
            case .failure(.invalid(_, let decoded)): decoded
            case .failure(.unavailable): ""
            }
            let word = sample.unicodeScalars.prefix { !",\t\r\n\"".unicodeScalars.contains($0) }.prefix(12)
            return TextFile(displayPath: path, text: text, warnings: [.warning(
                "file is not UTF-8: read as GB18030 (GBK), as Excel on Chinese Windows saves 「CSV (逗号分隔)」; "
                    + "here it reads `\(String(String.UnicodeScalarView(word)))`",
                at: location(after: before, in: path),
                hint: "check that names read right; save as 「CSV UTF-8(逗号分隔)」 to make this warning go away")])
        }
    }

    private static func utf16(_ body: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws(DiagnosticsError) -> TextFile {
        let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            units.append(bigEndian ? UInt16(body[i]) << 8 | UInt16(body[i + 1]) : UInt16(body[i + 1]) << 8 | UInt16(body[i]))
            i += 2
        }
        var text = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                consumed += UTF16.width(scalar)
            case .emptyInput:
                break loop
            case .error:
                throw DiagnosticsError([.error(
                    "file is \(name) with a broken character (0x\(String(units[consumed], radix: 16, uppercase: true)), half of a surrogate pair)",
                    at: location(after: String(text), in: path), hint: "save it again from Excel as 「CSV UTF-8(逗号分隔)」")])
            }
        }
        if body.count % 2 == 1 {
            throw DiagnosticsError([.error("file is \(name) but has an odd number of bytes (the last one, \(hex([body.last!])), is half a character)",
                                           at: location(after: String(text), in: path),
                                           hint: "the file was cut off or damaged; save it again from Excel")])
        }
        return TextFile(displayPath: path, text: String(text))
    }
}
