import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// After the swap the old output stays as the next staging folder, and the next build brings it
/// up to date instead of staging a new tree (`StagedOutput`). Every build must still publish
/// exactly what a build from scratch publishes, keep the old generation intact, and never change
/// the live output through the hard links the two folders share.
@Suite struct KeptTreeTests {
    static let today = "2026-06-10"

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    @Test func rebuildsOnAKeptTreeMatchAFreshBuildAndKeepThePreviousGeneration() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        let first = site.outputFiles()
        try site.setPrice("Z-1", "118.00") // nationwide: the shop and every city's list
        let second = try site.build(today: Self.today)
        let secondFiles = site.outputFiles()
        // No kept tree yet (the first build had no old output): every unchanged file is linked.
        #expect(second.output.linked == second.output.unchanged)
        #expect(site.outputFiles(site.staging) == first)

        try site.setPrice("Z-2", "78.50") // 北京 and 上海 only
        let third = try site.build(today: Self.today)
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
        #expect(site.outputFiles(site.staging) == secondFiles, "the kept tree is not the previous generation")
        // The kept tree had all but the files the second build changed and this one did not.
        let stale = changedPaths(first, secondFiles).subtracting(changedPaths(secondFiles, site.outputFiles()))
        #expect(!stale.isEmpty && third.output.linked == stale.count)
        #expect(!Self.exists(site.output.appending(path: TreeRecord.marker)), "the kept tree's marker was published")
    }

    /// One private folder, two outputs: the state describes the last one built. Building the
    /// other again, with the inputs the state describes, must not take its stale files for
    /// current ones (by linking them, or by stopping early as if nothing changed).
    @Test func aManifestIsOnlyTrustedForTheFolderItDescribes() throws {
        let site = try TestSite("minimal")
        let other = site.root.appending(path: "other")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "118.00")
        try site.build(today: Self.today, output: other)
        let again = try site.build(today: Self.today)
        #expect(again.output.written > 0, "stopped early as if nothing changed")
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
        try site.setPrice("Z-2", "78.50")
        try site.build(today: Self.today, output: other)
        #expect(site.outputFiles(other) == (try site.referenceFiles(today: Self.today)))
        // A folder made again at the same place is not the folder the state describes.
        try FileManager.default.removeItem(at: other)
        try FileManager.default.createDirectory(at: other.appending(path: "m"), withIntermediateDirectories: true)
        try site.build(today: Self.today, output: other)
        #expect(site.outputFiles(other) == (try site.referenceFiles(today: Self.today)))
        // Emptied by hand, same inputs: the build does not take the empty folder for the site.
        for name in try FileManager.default.contentsOfDirectory(atPath: other.path) {
            try FileManager.default.removeItem(at: other.appending(path: name))
        }
        try site.build(today: Self.today, output: other)
        #expect(site.outputFiles(other) == (try site.referenceFiles(today: Self.today)))
        // One member page removed by hand, then a change that does not touch it: the build
        // notices and writes everything again, rather than failing or publishing without it.
        let page = try #require(site.outputFiles(other).keys.first { $0.hasPrefix("m/") && $0.hasSuffix("/dragon-boat/index.html") })
        try FileManager.default.removeItem(at: other.appending(path: page))
        try site.setPrice("Z-2", "88.50")
        try site.build(today: Self.today, output: other)
        #expect(site.outputFiles(other) == (try site.referenceFiles(today: Self.today)))
    }

    /// A file unchanged by one build is shared by both folders (a hard link); when the next build
    /// changes it, staging it must not write into the live output's file.
    @Test func theLiveOutputIsNeverChangedThroughAHardLink() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        var published = site.outputFiles()
        // Z-2 is on two cities' lists, Z-1 on all three: each build changes files the last one did
        // not. Then both changes undone (the kept tree has those bytes), and another.
        for (sku, price) in [("Z-2", "78.50"), ("Z-1", "118.00"), ("Z-2", "88.5"), ("Z-1", "128.00"), ("O-1", "98")] {
            try site.setPrice(sku, price)
            try site.build(today: Self.today)
            #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)), "after \(sku) \(price)")
            #expect(site.outputFiles(site.staging) == published, "the old output changed while staging \(sku) \(price)")
            published = site.outputFiles()
        }
    }

    @Test func creatingAStagedFileNeverWritesIntoTheFileItReplaces() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "lantern-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let live = folder.appending(path: "live").path, staged = folder.appending(path: "staged").path
        try FileSystem.create(Data("old".utf8), at: live)
        #expect(link(live, staged) == 0)
        try FileSystem.create(Data("new".utf8), at: staged)
        #expect(try String(contentsOfFile: live, encoding: .utf8) == "old")
        #expect(try String(contentsOfFile: staged, encoding: .utf8) == "new")
        #expect(FileSystem.link(live, at: staged))
        #expect(try String(contentsOfFile: staged, encoding: .utf8) == "old")
    }

    @Test func aLeaversPagesAndFolderGoFromBothGenerations() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "118.00")
        try site.build(today: Self.today)
        let leaver = site.output.appending(path: "m/\(site.token("T003"))")
        #expect(Self.exists(leaver))
        let roster = try site.read("content/roster.csv")
        try site.write("content/roster.csv", roster.split(separator: "\n").filter { !$0.hasPrefix("T003,") }.joined(separator: "\n") + "\n")
        // This build brings the first generation up to date, the next one the second: both had the leaver.
        for price in ["108.00", "98.00"] {
            try site.build(today: Self.today)
            #expect(!Self.exists(leaver), "the leaver's folder is still published")
            #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
            try site.setPrice("Z-1", price)
        }
    }

    @Test func filesLanternDidNotMakeFollowTheOutput() throws {
        let site = try TestSite("minimal")
        var price = 128
        func rebuild() throws {
            price -= 1
            try site.setPrice("Z-1", "\(price).00")
            try site.build(today: Self.today)
        }
        try site.build(today: Self.today)
        try rebuild()
        let verification = site.output.appending(path: "google123.html"), wellKnown = site.output.appending(path: ".well-known")
        try Data("google-site-verification".utf8).write(to: verification)
        try FileManager.default.createDirectory(at: wellKnown, withIntermediateDirectories: true)
        try Data("Contact: it@example.com".utf8).write(to: wellKnown.appending(path: "security.txt"))
        // Added after a build: kept by the next two (the first one on a kept tree that never had them).
        for _ in 0..<2 {
            try rebuild()
            #expect(site.text("google123.html") == "google-site-verification")
            #expect(site.text(".well-known/security.txt") == "Contact: it@example.com")
        }
        // Deleted by hand: not brought back by the kept tree that had them.
        try FileManager.default.removeItem(at: verification)
        try FileManager.default.removeItem(at: wellKnown)
        for _ in 0..<2 {
            try rebuild()
            #expect(!Self.exists(verification) && !Self.exists(wellKnown))
        }
    }

    /// Files in Lantern's own folders go unless the build made them (e.g. a tool's `.gz` beside
    /// each page): the kept tree had them while it was the output, two builds ago.
    @Test func filesPutIntoLanternsFoldersAreNotPublishedAgain() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "118.00")
        try site.build(today: Self.today)
        let strays = ["m/stray.html", "m/\(site.token("T001"))/notes.txt", "shop/dragon-boat/index.html.gz", "lists/old/list.html"]
        for stray in strays {
            let url = site.output.appending(path: stray)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("stray".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: site.output.appending(path: "shop/empty"), withIntermediateDirectories: true)
        for price in ["108.00", "98.00"] {
            try site.setPrice("Z-1", price)
            try site.build(today: Self.today)
            #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)), "after the change to \(price)")
            #expect(!Self.exists(site.output.appending(path: "lists/old")), "a folder of stray files stays behind")
            #expect(!Self.exists(site.output.appending(path: "shop/empty")), "an empty folder stays behind")
        }
    }

    @Test func aStagingFolderDeletedByHandCostsOneSlowerBuild() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "118.00")
        try site.build(today: Self.today)
        try FileManager.default.removeItem(at: site.staging)
        try site.setPrice("Z-1", "108.00")
        let fresh = try site.build(today: Self.today)
        #expect(fresh.output.linked == fresh.output.unchanged)
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
        try site.setPrice("Z-1", "98.00")
        let kept = try site.build(today: Self.today)
        #expect(kept.output.linked == 0)
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
    }

    /// A file deleted from `public/` by hand is still in the kept tree; but once that output is
    /// the kept tree, its record must not be trusted.
    @Test func aFileDeletedFromTheOutputByHandIsNotMissingTwoBuildsLater() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "118.00")
        try site.build(today: Self.today)
        let page = "m/\(site.token("T001"))/index.html"
        try FileManager.default.removeItem(at: site.output.appending(path: page))
        for price in ["108.00", "98.00"] {
            try site.setPrice("Z-1", price)
            try site.build(today: Self.today)
            #expect(site.outputFiles()[page] != nil)
            #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
        }
    }

    @Test func aBuildThatChangesNoOutputFileKeepsTheKeptTree() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "118.00")
        try site.build(today: Self.today)
        try site.setPrice("Z-4", "55") // not on sale: on no page
        let none = try site.build(today: Self.today)
        #expect(none.changes == "catalog.csv: 1 SKU changed" && none.output.written == 0)
        try site.setPrice("Z-1", "108.00")
        let next = try site.build(today: Self.today)
        #expect(next.output.linked == 0, "the kept tree was not used")
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
    }

    @Test func aBuildFailingAfterItChangedTheKeptTreeLeavesEverythingAsItWas() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "118.00")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "108.00")
        let yaml = try site.read("content/site.yaml")
        // The good build runs on the kept tree; the failing one changes it (new shared pages),
        // then fails making print sheets.
        try expectFailedBuildLeavesOutputUntouched(site) { site in
            let long = "https://example.com/" + String(repeating: "a", count: 2400) + "/"
            try site.write("content/site.yaml", "name: S\nunion: U\nbase_url: \(long)\n")
        }
        #expect(!Self.exists(site.staging.appending(path: TreeRecord.marker)))
        try site.write("content/site.yaml", yaml)
        try site.setPrice("Z-1", "98.00")
        try site.build(today: Self.today)
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
    }
}
