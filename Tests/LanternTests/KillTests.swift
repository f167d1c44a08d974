import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// A build killed with SIGKILL at any point leaves `public/` exactly as the last successful build
/// left it; once the swap has happened, it is exactly the new site. Drives the real `lantern`
/// binary (`make test` builds it first) and stops it at named points (`BuildHooks`).
@Suite(.serialized) struct KillTests {
    static let binary = TestSite.repository.appending(path: ".build/debug/lantern")

    /// Runs `lantern build`, waits until it reaches `point`, and kills it with SIGKILL.
    static func killBuild(_ site: TestSite, at point: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "build the binary first: swift build --product lantern (make test does)")
        let marker = site.root.appending(path: "paused-\(point)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["build", "--site", site.site.path, "--output", site.output.path,
                             "--private", site.privateFolder.path, "--today", "2026-06-10", "--quiet"]
        process.environment = ["LANTERN_SECRET": TestSite.secret, "LANTERN_PAUSE_AT": point, "LANTERN_PAUSE_FILE": marker.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker.path) {
            try #require(process.isRunning, "the build ended before reaching \(point)")
            try #require(Date() < deadline, "the build did not reach \(point) within a minute")
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }

    /// A changed catalog, a changed theme and a new member: every kind of page changes.
    static func change(_ site: TestSite) throws {
        try site.setPrice("Z-1", "118.00")
        try site.write("content/themes/dragon-boat.md", site.read("content/themes/dragon-boat.md") + "\n端午快乐！\n")
        try site.write("content/roster.csv", site.read("content/roster.csv") + "T007,孙悦,研发部,F,1991-01-01,,2020-01-01,深圳,,,,,\n")
    }

    @Test(arguments: ["shared", "members", "swap"])
    func killedBeforeTheSwapLeavesTheOldSite(point: String) throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let before = site.outputFiles()
        try Self.change(site)
        try Self.killBuild(site, at: point)
        #expect(site.outputFiles() == before, "public/ changed after a kill at \(point)")
        // The next build cleans up and publishes the new site in full.
        try site.build(today: "2026-06-10")
        let reference = site.root.appending(path: "reference")
        try site.build(today: "2026-06-10", output: reference)
        #expect(site.outputFiles() == site.outputFiles(reference))
    }

    /// The same kills on a site whose staging folder is the old output kept by earlier builds. The
    /// killed build had already changed that folder, so the next one must not trust it: it builds
    /// another change instead, for which the kept tree's files would otherwise do.
    @Test(arguments: ["shared", "members", "swap", "swapped"])
    func killedOnAKeptTree(point: String) throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        try site.setPrice("Z-2", "78.50")
        try site.build(today: "2026-06-10") // the first output is now the staging folder
        let before = site.outputFiles()
        let inputs = try ["content/catalog.csv", "content/themes/dragon-boat.md", "content/roster.csv"].map { ($0, try site.read($0)) }
        try Self.change(site)
        let changed = try site.referenceFiles(today: "2026-06-10")
        try Self.killBuild(site, at: point)
        #expect(site.outputFiles() == (point == "swapped" ? changed : before), "public/ is wrong after a kill at \(point)")
        for (path, text) in inputs { try site.write(path, text) }
        // Then the builds after it, on kept trees again.
        for price in ["68.50", "58.50", "48.50"] {
            try site.setPrice("Z-2", price)
            try site.build(today: "2026-06-10")
            #expect(site.outputFiles() == (try site.referenceFiles(today: "2026-06-10")), "Z-2 at \(price) after a kill at \(point)")
        }
        try Self.change(site)
        try site.build(today: "2026-06-10")
        #expect(site.outputFiles() == (try site.referenceFiles(today: "2026-06-10")))
    }

    @Test func killedAfterTheSwapLeavesTheNewSite() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        try Self.change(site)
        let reference = try TestSite("minimal")
        try Self.change(reference)
        try reference.build(today: "2026-06-10")
        try Self.killBuild(site, at: "swapped")
        #expect(site.outputFiles() == reference.outputFiles(), "public/ is not the complete new site")
        // Its state was not committed: the next build rewrites, and the result is the same.
        try site.build(today: "2026-06-10")
        #expect(site.outputFiles() == reference.outputFiles())
    }
}
