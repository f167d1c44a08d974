import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// One page of each kind from `Tests/Fixtures/minimal`, compared byte for byte with
/// `Tests/LanternTests/Golden/`. Re-record after an intended change with
/// `LANTERN_RECORD_GOLDEN=1 swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let folder = TestSite.repository.appending(path: "Tests/LanternTests/Golden")

    @Test func onePageOfEachKindMatchesItsGoldenFile() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let token = site.token("T001")
        let pages = ["portal": "index.html", "shop": "shop/dragon-boat/index.html", "member": "m/\(token)/index.html",
                     "storefront": "m/\(token)/dragon-boat/index.html", "menu-index": "menu/index.html",
                     "menu-package": "menu/checkup/index.html",
                     "item-list": TestSite.itemList("dragon-boat", city: "北京")]
        let record = ProcessInfo.processInfo.environment["LANTERN_RECORD_GOLDEN"] == "1"
        for (kind, path) in pages.sorted(by: { $0.key < $1.key }) {
            // Tokens depend on the secret; the golden files name the token generically.
            let html = site.text(path).replacingOccurrences(of: token, with: "TOKEN")
            let golden = Self.folder.appending(path: "\(kind).html")
            if record {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                try Data(html.utf8).write(to: golden)
            } else {
                let expected = try String(contentsOf: golden, encoding: .utf8)
                #expect(html == expected, "\(kind) differs from Golden/\(kind).html; re-record with LANTERN_RECORD_GOLDEN=1 if intended")
            }
        }
    }
}
