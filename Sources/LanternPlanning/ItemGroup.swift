import Crypto
import Foundation
import LanternModel

/// Members who may pick the same items share one rendered list. Within a theme, audience and
/// budget are the same for everyone, so the delivery city decides: one list per (theme, city).
///
/// The list's file name is an HMAC of the two under the site secret: stable between builds (a
/// storefront that refers to it does not change when the catalog does), and it names no city.
/// Keyed, because a plain hash of a theme and a city could be recomputed for every city on the
/// map, and a list's name would then tell its city.
///
/// Members reading another language than the site's get their own list, in their language
/// (`language`; nil for the site's, whose names stay as they were before languages).
enum ItemGroup {
    static func path(theme: Slug, city: String, language: String? = nil, secret: Secret) -> String {
        let input = "item-group:\(theme.rawValue)\n\(city)" + (language.map { "\n\($0)" } ?? "")
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: secret.key)
        return "lists/\(theme.rawValue)/\(Base32.encode(Array(mac.prefix(8)))).html"
    }
}
