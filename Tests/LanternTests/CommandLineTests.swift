import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// The `lantern` executable itself: exit codes, what it prints, where. Runs the binary that
/// `make test` builds first (`swift build --product lantern`).
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func lantern(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: KillTests.binary.path),
                     "build the binary first: swift build --product lantern (make test does)")
        let process = Process()
        process.executableURL = KillTests.binary
        process.arguments = arguments
        process.environment = ["LANTERN_SECRET": TestSite.secret].merging(environment) { $1 }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildPrintsOneSummaryLineWhenNotATerminal() throws {
        let site = try TestSite("minimal")
        let run = try Self.lantern(["build", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("files written") == true && lines.first?.contains("for 5 members") == true)
        let quiet = try Self.lantern(["build", "--site", site.site.path, "--today", "2026-06-11", "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
    }

    @Test func timingsGoToStandardErrorAndTheBuildLeavesNothingInTheTemporaryFolder() throws {
        let site = try TestSite("minimal")
        let temporary = site.root.appending(path: "tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let run = try Self.lantern(["build", "--site", site.site.path, "--today", "2026-06-10", "--quiet", "--timings"],
                                   environment: ["TMPDIR": temporary.path])
        #expect(run.status == 0 && run.stdout.isEmpty)
        for stage in Build.stages + ["total"] { #expect(run.stderr.contains("  \(stage) "), "no time for \(stage)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
        // Private reports are replaced in one step, with no temporary file left beside them.
        let leftovers = SiteFiles.all(site.privateFolder).filter { $0.lastPathComponent.hasSuffix(".lantern-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func badInputExitsOneWithTheLocationOnStandardError() throws {
        let site = try TestSite("minimal", overlay: "invalid/bad-prices")
        let run = try Self.lantern(["build", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/catalog.csv:") && run.stderr.contains(": error: bad price"))
        #expect(run.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: site.site.appending(path: "public/index.html").path))
    }

    @Test func checkOnTheSampleExitsZeroAndStrictTurnsHiddenItemsIntoErrors() throws {
        let site = try TestSite("sample")
        let check = try Self.lantern(["check", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("4 hidden by the policy"))
        #expect(check.stderr.contains("BAD-001") && check.stderr.contains("warning"))
        let strict = try Self.lantern(["check", "--site", site.site.path, "--today", "2026-06-10", "--strict"])
        #expect(strict.status == 1 && strict.stderr.contains("error: item BAD-001"))
        // check writes nothing: no output, no private folder, no secret.
        #expect(!FileManager.default.fileExists(atPath: site.site.appending(path: "public").path))
        #expect(!FileManager.default.fileExists(atPath: site.site.appending(path: "private").path))
    }

    @Test func calendarPrintsTheYearsOccasions() throws {
        let run = try Self.lantern(["calendar", "2026", "--format", "csv", "--site", TestSite.repository.path])
        #expect(run.status == 0)
        for line in ["spring-festival,2026-02-17,true", "qingming,2026-04-05,true", "dragon-boat,2026-06-19,true",
                     "mid-autumn,2026-09-25,true"] {
            #expect(run.stdout.split(separator: "\n").contains(Substring(line)), "\(line)")
        }
        let text = try Self.lantern(["calendar", "2026", "--site", TestSite.repository.path])
        #expect(text.stdout.contains("春节") && text.stdout.contains("Spring Festival"))
        let outside = try Self.lantern(["calendar", "2101", "--site", TestSite.repository.path])
        #expect(outside.status == 1 && outside.stderr.contains("1950–2100"))
    }
}
