/// Finds UTF-8 Chinese text inside a file that is otherwise GB18030 (GBK): rows pasted from
/// another file keep their encoding, and read as GB18030 they become valid but wrong characters
/// (名称 in UTF-8 reads as 鍚嶇О), which no later check would notice.
///
/// Both encodings use bytes 0x80–0xFF for Chinese, so a run of such bytes can be valid in both.
/// A run counts as UTF-8 when it is valid UTF-8 of at least two characters, all of them CJK
/// (ideographs, CJK punctuation, full-width forms), and is not also plain GB2312 text (an even
/// number of bytes, every one 0xA1 or above). UTF-8 continuation bytes are 0x80–0xBF, so about
/// half of them are below 0xA1: 95 % of two-character UTF-8 words are caught, three-character
/// ones always. Genuine GBK text passes both tests in 3 or 4 fields of a million (simulated with
/// random GB2312 names, a twentieth of their characters GBK-only, which is far more than real
/// names have); single characters are not judged, since one three-byte run passes once in 3,000.
enum MixedEncoding {
    /// The byte range of the first run that is UTF-8 rather than GB18030, if any.
    static func utf8Run(in bytes: [UInt8]) -> Range<Int>? {
        var start: Int?
        for i in 0...bytes.count {
            let high = i < bytes.count && bytes[i] >= 0x80
            if high, start == nil { start = i }
            if !high, let from = start {
                if looksUTF8(bytes[from..<i]) { return from..<i }
                start = nil
            }
        }
        return nil
    }

    private static func looksUTF8(_ run: ArraySlice<UInt8>) -> Bool {
        if run.count % 2 == 0 && run.allSatisfy({ $0 >= 0xA1 }) { return false }
        guard TextFile.firstInvalidUTF8(run) == nil else { return false }
        let scalars = String(decoding: run, as: UTF8.self).unicodeScalars
        return scalars.count >= 2 && scalars.allSatisfy(isCJK)
    }

    private static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0x3400...0x9FFF, 0xFF00...0xFFEF: true
        default: false
        }
    }
}
