import Crypto
import Foundation
import LanternModel

/// The unguessable folder name of a member's pages: HMAC-SHA256 of the member id under the site
/// secret, first 160 bits, lower-case base32 (32 characters). Stable between builds; rotating the
/// secret changes them all.
enum MemberToken {
    static func token(for id: MemberID, secret: Secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("member:\(id.rawValue)".utf8), using: secret.key)
        return Base32.encode(Array(mac.prefix(20)))
    }
}

/// The key that encrypts a member's pages when `privacy.encrypt` is on: HMAC-SHA256 of the
/// member id under the site secret (a different message from the token's, so neither reveals
/// the other). It travels only in the link's `#k=` fragment, which browsers never send.
package enum MemberKey {
    package static func key(for id: MemberID, secret: Secret) -> SymmetricKey {
        SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data("page-key:\(id.rawValue)".utf8), using: secret.key))
    }

    /// base64url without padding, as it appears after `#k=`.
    static func fragment(for id: MemberID, secret: Secret) -> String {
        key(for: id, secret: secret).withUnsafeBytes { Data($0) }.base64URLEncoded
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
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
