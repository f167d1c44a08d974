import Crypto
import Foundation
import LanternModel

/// The site secret behind every member token, page key and shared list name.
///
/// The key is the UTF-8 bytes of the secret's text as written (the 64 hex digits of the file
/// Lantern makes, not the 32 bytes they stand for): links made before these rules existed stay
/// what they were. Where a secret comes from, and when it may change, is `SiteSecret`'s business.
package struct Secret: Sendable, Equatable {
    private let bytes: Data

    /// Uses `text` as it is, without checking it: tests and derivations. Secrets from the user
    /// go through `parse`.
    init(_ text: String) { bytes = Data(text.utf8) }

    package var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// A name for the secret that can be kept beside the links it made without revealing it:
    /// HMAC-SHA256 of a fixed message under the secret, first 128 bits, hex. Recorded in the
    /// build state, so a build can tell that the secret is not the one that made the links.
    package var identity: String {
        HMAC<SHA256>.authenticationCode(for: Data("lantern-secret-id".utf8), using: key).prefix(16).hex
    }

    /// 256 random bits as 64 lower-case hex digits: the text of a `secret.key` Lantern makes.
    package static func generate() -> (secret: Secret, text: String) {
        let text = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.hex
        return (Secret(text), text)
    }

    /// Why a text cannot be a secret.
    package enum Weakness: Error, Equatable {
        case empty
        /// Neither hex nor base64: a password or phrase, whose entropy cannot be known.
        case notHexOrBase64
        /// Hex or base64, but standing for fewer than 32 bytes.
        case tooShort(bytes: Int)
        /// Long enough, but made of a handful of characters (`000…`, `abab…`): not random.
        case repetitive

        package var description: String {
            switch self {
            case .empty: "it is empty"
            case .notHexOrBase64: "it is neither hex nor base64"
            case .tooShort(let bytes): "it holds \(bytes) bytes, fewer than the 32 a secret needs"
            case .repetitive: "it repeats a few characters, which is not a random secret"
            }
        }
    }

    /// The accepted forms, what `Weakness` refuses and the command that makes a good one.
    package static let formats = "hex (at least 64 digits) or base64 (at least 43 characters) of 32 random bytes"
    package static let howToMake = "`openssl rand -hex 32`"

    /// A secret written by hand or by a tool: surrounding white space is dropped, and the rest
    /// must be `formats`. Random hex or base64 carries 4 or 6 bits a character, so these lengths
    /// are 256 bits; any other text (a password, a phrase) is refused, since its entropy is
    /// unknown and usually far less than its length suggests.
    package static func parse(_ raw: String) -> Result<Secret, Weakness> {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .failure(.empty) }
        let bytes: Int
        if text.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) {
            bytes = text.count / 2
        } else if let decoded = base64Length(text) {
            bytes = decoded
        } else {
            return .failure(.notHexOrBase64)
        }
        guard bytes >= 32 else { return .failure(.tooShort(bytes: bytes)) }
        // 64 random hex digits use fewer than 8 different ones with a chance below 1e-30.
        guard Set(text).count >= 8 else { return .failure(.repetitive) }
        return .success(Secret(text))
    }

    /// The byte count of standard or URL-safe base64 (padding optional), nil when it is not base64.
    private static func base64Length(_ text: String) -> Int? {
        let body = text.hasSuffix("==") ? text.dropLast(2) : text.hasSuffix("=") ? text.dropLast(1) : Substring(text)
        guard body.unicodeScalars.allSatisfy(base64Symbols.contains),
              body.count % 4 != 1, text.count == body.count || text.count % 4 == 0 else { return nil }
        return body.count * 6 / 8
    }

    private static let base64Symbols = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_".unicodeScalars)
}
