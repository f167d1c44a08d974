import Crypto
import Foundation

/// Short content digests: what the build state records of each output file and input.
package enum Digest {
    /// The first 128 bits of SHA-256, in hex: 32 characters.
    package static func of(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).prefix(16).hex
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hex, without the cost of `String(format:)`.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in self { bytes.append(digits[Int(byte >> 4)]); bytes.append(digits[Int(byte & 15)]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
