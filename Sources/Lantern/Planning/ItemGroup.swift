import Foundation
import Crypto

/// Members who may pick the same items share one rendered list. Within a theme, audience and
/// budget are the same for everyone, so the delivery city decides: one list per (theme, city).
///
/// The list's file name is a hash of the two, so it is stable between builds (a storefront that
/// refers to it does not change when the catalog does) and names no city in the URL.
public enum ItemGroup {
    public static func path(theme: Slug, city: String) -> String {
        let digest = SHA256.hash(data: Data("item-group:\(theme.rawValue)\n\(city)".utf8))
        return "lists/\(theme.rawValue)/\(Base32.encode(Array(digest.prefix(8)))).html"
    }
}
