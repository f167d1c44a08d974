import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Rebuilds write only what changed: judged by each file's inode and modification time, which
/// a rewrite changes and a carried-over (hard-linked) file keeps.
@Suite struct IncrementalTests {
    struct Stamp: Equatable { var inode: UInt64; var modified: Date }

    static func stamps(_ site: TestSite) throws -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for path in site.outputFiles().keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.output.appending(path: path).path)
            stamps[path] = Stamp(inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                                 modified: attributes[.modificationDate] as? Date ?? .distantPast)
        }
        return stamps
    }

    @Test func noOpRebuildWritesNothing() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let before = try Self.stamps(site)
        let again = try site.build(today: "2026-06-10")
        #expect(again.output.written == 0 && again.output.removed == 0 && again.output.bytesWritten == 0)
        #expect(again.membersReused == again.members)
        #expect(again.changes == "no input changed")
        #expect(try Self.stamps(site) == before)
    }

    /// The summary says a file was added or removed, not "changed".
    @Test func theSummaryNamesAFileAddedOrRemoved() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let menu = try site.read("content/menu/checkup.md")
        try FileManager.default.removeItem(at: site.site.appending(path: "content/menu/checkup.md"))
        #expect(try site.build(today: "2026-06-10").changes == "content/menu/checkup.md removed")
        try site.write("content/menu/checkup.md", menu)
        #expect(try site.build(today: "2026-06-10").changes == "content/menu/checkup.md added")
    }

    @Test func aRebuildWithNothingChangedRepeatsTheWarnings() throws {
        let site = try TestSite("minimal")
        try site.write("content/themes/dragon-boat.md", site.read("content/themes/dragon-boat.md")
            .replacingOccurrences(of: "summary: 端午好礼", with: "summary: 端午好礼\nsumary: typo"))
        let first = try site.build(today: "2026-06-10")
        let again = try site.build(today: "2026-06-10")
        #expect(first.warnings.contains { $0.message.contains("sumary") })
        #expect(again.warnings == first.warnings)
        #expect(again.changes == "no input changed" && again.output.written == 0)
        // A different day is a different build.
        #expect(try site.build(today: "2026-06-11").changes != "no input changed")
    }

    @Test func oneSKUChangeRewritesOnlyTheFilesThatShowIt() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let before = try Self.stamps(site)
        try site.setPrice("Z-1", "118.00")
        let result = try site.build(today: "2026-06-10")
        let after = try Self.stamps(site)
        // The files that show Z-1: the 端午 shop and the 端午 item lists (every city has it).
        let showing = Set(site.outputFiles().filter { String(decoding: $0.value, as: UTF8.self).contains("¥118.00") }.keys)
        #expect(showing.contains("shop/dragon-boat/index.html") && showing.filter { $0.hasPrefix("lists/dragon-boat/") }.count == 3)
        #expect(changedPaths(before, after) == showing)
        #expect(result.output.written == showing.count && result.membersReused == result.members)
        #expect(result.changes == "catalog.csv: 1 SKU changed")
    }

    @Test func aNewMemberAddsOnlyTheirOwnPages() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let before = try Self.stamps(site)
        try site.write("content/roster.csv", site.read("content/roster.csv") + "T007,孙悦,研发部,F,1991-01-01,,2020-01-01,北京,,,,,\n")
        let result = try site.build(today: "2026-06-10")
        let rewritten = changedPaths(before, try Self.stamps(site))
        #expect(rewritten == ["m/\(site.token("T007"))/index.html", "m/\(site.token("T007"))/dragon-boat/index.html"])
        #expect(result.membersReused == 5 && result.changes == "roster.csv: 1 member added")
    }

    /// A member whose inputs did not change but one of whose pages the last manifest lacks is
    /// rendered, and each of their files is counted once.
    @Test func aMemberWithAPageMissingFromTheManifestIsRenderedAndCountedOnce() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let page = "m/\(site.token("T002"))/dragon-boat/index.html"
        let manifest = site.privateFolder.appending(path: "state/manifest.tsv")
        let lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix(page + "\t") }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: manifest)
        try site.setPrice("Z-1", "118.00")
        let result = try site.build(today: "2026-06-10")
        #expect(result.membersReused == result.members - 1)
        #expect(result.output.unchanged + result.output.written == site.outputFiles().count)
        #expect(site.outputFiles() == (try site.referenceFiles(today: "2026-06-10")))
    }

    @Test func aThemeChangeRendersEveryMemberAgain() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        try site.write("content/themes/dragon-boat.md", site.read("content/themes/dragon-boat.md") + "\n端午快乐！\n")
        let result = try site.build(today: "2026-06-10")
        #expect(result.membersReused == 0)
        #expect(site.text("m/\(site.token("T002"))/dragon-boat/index.html").contains("端午快乐！"))
    }

    @Test func filesLanternDidNotMakeAreKept() throws {
        let site = try TestSite("minimal")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data().write(to: site.output.appending(path: ".gitkeep"))
        try Data("google-site-verification".utf8).write(to: site.output.appending(path: "google123.html"))
        try site.build(today: "2026-06-10")
        try site.setPrice("Z-1", "127.00")
        try site.build(today: "2026-06-10")
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: ".gitkeep").path))
        #expect(site.text("google123.html") == "google-site-verification")
    }
}
