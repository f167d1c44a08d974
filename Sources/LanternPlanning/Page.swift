import LanternModel

/// One page the build will write, with what it shows; its context is made at render time.
package struct Page: Sendable {
    /// The page kinds Lantern renders, each from the template of the same name.
    package enum Kind: String, CaseIterable, Sendable {
        case portal, shop, member, storefront
        case itemList = "item-list"
        case menuIndex = "menu-index"
        case menuPackage = "menu-package"
    }

    package enum Content: Sendable {
        case portal(open: [Theme], upcoming: [Theme])
        case shop(Theme, items: [Product])
        case memberHome(Member, cards: [Card], letters: [Letter], feedback: [Card])
        case storefront(Member, Card)
        /// The items one group of members may pick, shared by their storefronts.
        case itemList(Theme, items: [Product])
        case menuIndex
        case menuPackage(MenuPackage)
    }

    /// One open theme for one member, with the day it celebrates and the shared item list
    /// (a path from the site root) the member's storefront shows.
    package struct Card: Sendable {
        package var theme: Theme
        package var day: Day
        package var itemsPath: String
    }

    /// Path under the output folder, e.g. `m/<token>/dragon-boat-2026/index.html`.
    package var path: String
    package var content: Content
    /// The locale the page is written in: the member's for their pages and the item lists
    /// their storefronts load, the site's for shared pages.
    package var language: String

    /// The relative prefix from this page back to the site root (`./`, `../../`).
    package var root: String {
        let depth = path.split(separator: "/").count - 1
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The member whose page this is; nil for shared pages.
    var member: Member? {
        switch content {
        case .memberHome(let member, _, _, _), .storefront(let member, _): member
        default: nil
        }
    }

    package var kind: Kind {
        switch content {
        case .portal: .portal
        case .shop: .shop
        case .memberHome: .member
        case .storefront: .storefront
        case .itemList: .itemList
        case .menuIndex: .menuIndex
        case .menuPackage: .menuPackage
        }
    }
}
