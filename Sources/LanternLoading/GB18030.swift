#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 (a superset of GBK and GB2312, what Excel on Chinese Windows saves as "CSV (逗号分隔)")
/// decoded by the C library's iconv. The only file that calls iconv; its handles never leave it.
///
/// iconv rather than Foundation: swift-corelibs-foundation on Linux exposes no GB18030 encoding,
/// while glibc ships the full GB18030 table (its `GB18030` gconv module) and stops at the first
/// byte sequence that is not GB18030, which is what a diagnostic needs.
enum GB18030 {
    enum Failure: Error, Equatable {
        /// The bytes from `offset` are not GB18030 (or end in the middle of a character);
        /// `decoded` is the text before them, for the diagnostic's line and column.
        case invalid(offset: Int, decoded: String)
        /// This machine's iconv cannot convert GB18030 (no gconv module installed).
        case unavailable
    }

    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        guard let converter = iconv_open("UTF-8", "GB18030"), converter != iconv_t(bitPattern: -1) else {
            return .failure(.unavailable)
        }
        defer { iconv_close(converter) }
        var input = bytes
        // A GB18030 character of 1, 2 or 4 bytes is at most 4 bytes of UTF-8: never more than twice the input.
        var output = [UInt8](repeating: 0, count: 2 * bytes.count + 4)
        let (left, written) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = outBuffer.count
                // Errors (EILSEQ: not GB18030, EINVAL: a character cut off at the end) leave
                // `inLeft` at the first byte not converted, and the output holds everything before it.
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (inLeft, outBuffer.count - outLeft)
            }
        }
        let text = String(decoding: output[..<written], as: UTF8.self)
        return left == 0 ? .success(text) : .failure(.invalid(offset: bytes.count - left, decoded: text))
    }
}
