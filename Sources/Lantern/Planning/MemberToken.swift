import Foundation
import Crypto

/// The unguessable folder name of a member's pages: HMAC-SHA256 of the member id under the site
/// secret, first 160 bits, lower-case base32 (32 characters). Stable between builds; rotating the
/// secret changes them all.
public enum MemberToken {
    public static func token(for id: MemberID, secret: Secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("member:\(id.rawValue)".utf8), using: secret.key)
        return Base32.encode(Array(mac.prefix(20)))
    }
}

/// RFC 4648 base32, lower case, without padding: safe in any URL and any file system.
enum Base32 {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".unicodeScalars)

    static func encode(_ bytes: [UInt8]) -> String {
        var result = String.UnicodeScalarView()
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                result.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { result.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(result)
    }
}
