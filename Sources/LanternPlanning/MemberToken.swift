import Crypto
import Foundation
import LanternModel

/// The unguessable folder name of a member's pages: HMAC-SHA256 of the member id under the site
/// secret, first 160 bits, lower-case base32 (32 characters). Stable between builds; rotating the
/// secret changes them all.
package enum MemberToken {
    package static func token(for id: MemberID, secret: Secret) -> String {
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
    package static func fragment(for id: MemberID, secret: Secret) -> String {
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

/// The verification code a member's storefront form carries for one theme: HMAC-SHA256 of the
/// member id and the theme under the site secret (a message of its own, so it reveals neither the
/// token nor the page key), first 128 bits, base32. The collector computes it again: a choice
/// for another member or theme, or from a page not made with this secret, does not match.
package enum OrderCode {
    package static func code(member: MemberID, theme: Slug, secret: Secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("order:\(member.rawValue)\u{0}\(theme.rawValue)".utf8), using: secret.key)
        return Base32.encode(Array(mac.prefix(16)))
    }

    /// The code a member's care-menu request carries: the same HMAC over a purpose that no
    /// theme can be named (`:` is not allowed in a slug).
    package static func requestCode(member: MemberID, secret: Secret) -> String {
        code(member: member, theme: requestPurpose, secret: secret)
    }

    package static let requestPurpose = Slug("menu:request")

    /// Compares in constant time, so the time an answer takes says nothing about the code.
    package static func matches(_ text: String, member: MemberID, theme: Slug, secret: Secret) -> Bool {
        let expected = Array(code(member: member, theme: theme, secret: secret).utf8), given = Array(text.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
