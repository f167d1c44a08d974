import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// The private files of a build (links.csv, the audit, print sheets, the build state) are
/// committed with the swap of `public/`: either all of a build's outputs are in place, or the
/// next build puts the missing ones there before anything else, and says so truthfully
/// meanwhile. And every file of `public/` is checked: one removed or changed by hand is made
/// again, never taken for the one the last build wrote.
@Suite struct PrivateCommitTests {
    static let today = "2026-06-10"

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The private files a build from scratch writes for the site as it is now (fresh folders).
    static func referencePrivate(_ site: TestSite) throws -> [String: Data] {
        let fresh = site.root.appending(path: "reference-\(UUID().uuidString)")
        let options = BuildOptions(site: site.site, output: fresh.appending(path: "public"), privateFolder: fresh.appending(path: "private"),
                                   today: Day(today)!, environment: ["LANTERN_SECRET": TestSite.secret])
        _ = try Build(options).run()
        return site.outputFiles(fresh.appending(path: "private"))
    }

    /// What must match between two private folders of the same site and day: the reports, the
    /// sheets, and the state tables that do not name folders (those do, and stamps name inodes:
    /// the pictures' too, recorded only for files older than the build).
    static func comparable(_ files: [String: Data]) -> [String: Data] {
        files.filter { !["state/output.tsv", "state/kept.tsv", "state/stamps.tsv", "state/pictures.tsv", "lantern.lock"].contains($0.key) }
    }

    @Test func aPrivateFileThatCannotBeReplacedFailsTruthfullyAndTheNextBuildPutsItInPlace() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try site.setPrice("Z-1", "118.00")
        // A folder where links.csv goes: rename(2) cannot replace it, not even as root.
        let links = site.privateFolder.appending(path: "links.csv")
        try FileManager.default.removeItem(at: links)
        try FileManager.default.createDirectory(at: links.appending(path: "in-the-way"), withIntermediateDirectories: true)

        let run = try CommandLineTests.lantern(["build", "--site", site.site.path, "--output", site.output.path,
                                                "--private", site.privateFolder.path, "--today", Self.today, "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(links.path):1:1: error: \(site.output.path) holds the new site, but \(links.path) could not be put in place: Is a directory"),
                "\(run.stderr)")
        #expect(!run.stderr.contains("nothing was written"), "the build says nothing was written although public/ changed")
        #expect(run.stderr.contains("the site is published, but the private files named above are not in place yet; the next build puts them there"))
        // public/ is the new site; the other private files are in place.
        let reference = try site.referenceFiles(today: Self.today)
        #expect(site.outputFiles() == reference)
        let expected = try Self.referencePrivate(site)
        #expect(site.privateFiles()["audit.csv"] == expected["audit.csv"])

        // While the obstacle stays, every build says what is still missing, and writes nothing else.
        let again = site.failure(today: Self.today)
        let error = try only(.error, containing: "could not be put in place", in: again)
        #expect(error.message == "the last build published \(site.output.path), but \(links.path) could not be put in place: Is a directory")
        #expect(error.location == LanternModel.SourceLocation(file: links.path))

        try FileManager.default.removeItem(at: links)
        let fixed = try site.build(today: Self.today)
        #expect(fixed.changes == Build.noChanges && fixed.output.written == 0, "the finished commit's state is the one in place")
        #expect(Self.comparable(site.privateFiles()) == Self.comparable(expected))
        #expect(!Self.exists(site.privateFolder.appending(path: "pending")))
        #expect(site.outputFiles() == reference)
    }

    /// A killed build that had swapped, or had put only some private files in place, is
    /// finished by the next build: never "nothing to do" with an old links.csv.
    @Test(arguments: ["swapped", "commit"])
    func aBuildKilledAfterTheSwapIsFinishedByTheNext(point: String) throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try KillTests.change(site)
        let expected = try Self.referencePrivate(site)
        try KillTests.killBuild(site, at: point)
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
        let waiting = site.privateFolder.appending(path: "pending/state/manifest.tsv")
        #expect(Self.exists(waiting), "the state is not waiting to be put in place")
        if point == "swapped" {
            #expect(site.privateFiles()["links.csv"] != expected["links.csv"], "links.csv was already in place")
        }
        let next = try site.build(today: Self.today)
        #expect(next.changes == Build.noChanges && next.output.written == 0)
        #expect(Self.comparable(site.privateFiles()) == Self.comparable(expected))
        #expect(!Self.exists(site.privateFolder.appending(path: "pending")))
    }

    /// `lantern links` also finishes what such a build left, before it reads the secret.
    @Test func linksFinishesAPendingCommit() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        try KillTests.change(site)
        let expected = try Self.referencePrivate(site)
        try KillTests.killBuild(site, at: "swapped")
        let run = try CommandLineTests.lantern(["links", "--site", site.site.path, "--private", site.privateFolder.path,
                                                "--today", Self.today])
        #expect(run.status == 0)
        #expect(Data(run.stdout.utf8) == expected["links.csv"])
        #expect(Self.comparable(site.privateFiles()) == Self.comparable(expected))
        #expect(!Self.exists(site.privateFolder.appending(path: "pending")))
    }

    @Test func aBuildKilledBeforeTheSwapLeavesThePrivateFilesOfTheOutputInPlace() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        let before = site.privateFiles()
        try KillTests.change(site)
        try KillTests.killBuild(site, at: "swap")
        // Only the staged files (sealed: the kill came just before the swap) and the killed
        // build's pid in the lock file are new.
        #expect(FileManager.default.fileExists(atPath: site.privateFolder.appending(path: "pending/commit.json").path))
        #expect(site.privateFiles().filter { !$0.key.hasPrefix("pending/") && $0.key != "lantern.lock" }
                == before.filter { $0.key != "lantern.lock" })
        // The next build drops the staged files (the swap did not happen) and builds the change.
        let next = try site.build(today: Self.today)
        #expect(next.output.written > 0)
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
        #expect(Self.comparable(site.privateFiles()) == Self.comparable(try Self.referencePrivate(site)))
        #expect(!Self.exists(site.privateFolder.appending(path: "pending")))
    }

    @Test func aPageRemovedOrChangedInTheOutputByHandIsMadeAgain() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        let reference = site.outputFiles()
        let member = "m/\(site.token("T002"))/dragon-boat/index.html"
        try FileManager.default.removeItem(at: site.output.appending(path: member))
        try FileManager.default.removeItem(at: site.output.appending(path: "shop/dragon-boat/index.html"))
        let restored = try site.build(today: Self.today)
        #expect(restored.changes == "2 files of the output removed or changed since the last build")
        #expect(restored.output.written == 2 && restored.membersReused == restored.members - 1)
        #expect(site.outputFiles() == reference)

        // Changed in place (the file the kept tree shares with it, through a hard link), and
        // replaced by another file with the same bytes' length.
        let handle = try FileHandle(forWritingTo: site.output.appending(path: "index.html"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited -->".utf8))
        try handle.close()
        let robots = site.output.appending(path: "robots.txt")
        let bytes = try Data(contentsOf: robots)
        try FileManager.default.removeItem(at: robots)
        try Data(repeating: UInt8(ascii: "x"), count: bytes.count).write(to: robots)
        let again = try site.build(today: Self.today)
        #expect(again.changes == "2 files of the output removed or changed since the last build")
        #expect(site.outputFiles() == reference)
        let still = try site.build(today: Self.today)
        #expect(still.changes == Build.noChanges && still.output.written == 0)

        // With an input change too, on the kept tree: the removed page comes back.
        try FileManager.default.removeItem(at: site.output.appending(path: member))
        try site.setPrice("Z-1", "118.00")
        let both = try site.build(today: Self.today)
        #expect(both.changes == "catalog.csv: 1 SKU changed; 1 file of the output removed or changed since the last build")
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.today)))
    }

    @Test func aPrivateFileRemovedByHandIsWrittenAgain() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.today)
        let expected = site.privateFiles()
        try FileManager.default.removeItem(at: site.privateFolder.appending(path: "links.csv"))
        try site.build(today: Self.today)
        #expect(site.privateFiles()["links.csv"] == expected["links.csv"])
    }

    /// Private files are never readable by others, not even between creating and renaming.
    @Test func privateFilesAreOwnerOnlyFromTheStart() throws {
        func mode(_ url: URL) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
        }
        let site = try TestSite("minimal")
        try site.write("content/site.yaml", site.read("content/site.yaml") + "base_url: https://fuli.example.com/\n")
        try site.build(today: Self.today)
        #expect(try mode(site.privateFolder) == 0o700)
        for name in ["links.csv", "audit.csv", "audit.html", "state/manifest.tsv", "state/site.digest"] {
            #expect(try mode(site.privateFolder.appending(path: name)) == 0o600, "\(name)")
        }
        let sheets = try FileManager.default.contentsOfDirectory(atPath: site.privateFolder.appending(path: "print").path)
        #expect(!sheets.isEmpty)
        for sheet in sheets { #expect(try mode(site.privateFolder.appending(path: "print/\(sheet)")) == 0o600) }
        // Staged before the swap with that mode already.
        try KillTests.change(site)
        try KillTests.killBuild(site, at: "swapped")
        #expect(try mode(site.privateFolder.appending(path: "pending")) == 0o700)
        #expect(try mode(site.privateFolder.appending(path: "pending/links.csv")) == 0o600)
    }
}
