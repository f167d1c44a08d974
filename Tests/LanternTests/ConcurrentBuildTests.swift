import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Two Lantern processes on one site take turns (`SiteLock`, `flock(2)` in the private folder
/// and beside the output): `public/` is always exactly one build's output, `private/` belongs to
/// it, and a second build waits (saying for whom) or, with `--no-wait`, fails saying why. Drives
/// the real binary, as `KillTests` do.
@Suite(.serialized) struct ConcurrentBuildTests {
    static let days = ["2026-06-10", "2026-03-05"] // 端午 open, and 三八: different sites

    /// A `lantern` process started in the background, its stderr going to a file.
    final class Running {
        let process = Process()
        let stderr: URL

        init(_ arguments: [String], in site: TestSite, environment: [String: String] = [:]) throws {
            try #require(FileManager.default.isExecutableFile(atPath: KillTests.binary.path),
                         "build the binary first: swift build --product lantern (make test does)")
            stderr = site.root.appending(path: "stderr-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.executableURL = KillTests.binary
            process.arguments = arguments
            process.environment = ["LANTERN_SECRET": TestSite.secret].merging(environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: stderr)
            try process.run()
        }

        var errors: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }

        /// Waits until `condition` holds, failing after a minute or when the process ends first.
        func wait(until condition: () -> Bool, _ what: String) throws {
            let deadline = Date().addingTimeInterval(60)
            while !condition() {
                try #require(process.isRunning, "the process ended before \(what): \(errors)")
                try #require(Date() < deadline, "no \(what) within a minute")
                Thread.sleep(forTimeInterval: 0.02)
            }
        }

        func finish() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func build(_ site: TestSite, today: String, output: URL? = nil, privateFolder: URL? = nil,
                      extra: [String] = [], environment: [String: String] = [:]) throws -> Running {
        try Running(["build", "--site", site.site.path, "--output", (output ?? site.output).path,
                     "--private", (privateFolder ?? site.privateFolder).path, "--today", today, "--quiet"] + extra,
                    in: site, environment: environment)
    }

    /// A build that has taken the locks and stopped just before its swap.
    static func paused(_ site: TestSite, output: URL? = nil, privateFolder: URL? = nil) throws -> Running {
        let marker = site.root.appending(path: "paused-\(UUID().uuidString)")
        let running = try build(site, today: days[0], output: output, privateFolder: privateFolder,
                                environment: ["LANTERN_PAUSE_AT": "swap", "LANTERN_PAUSE_FILE": marker.path])
        try running.wait(until: { FileManager.default.fileExists(atPath: marker.path) }, "pause at the swap")
        return running
    }

    /// Both builds started at once, twenty times, alternating which starts first, each time on
    /// a site last built for a third day, so that both have work to do. After each trial
    /// `public/` is exactly one of the two sites, `private/` (links.csv, the audit, the state) is
    /// that site's, and the next build for that day is a no-op that leaves it so.
    @Test func twoBuildsAtOnceTakeTurns() throws {
        let site = try TestSite("sample")
        let days = ["2026-06-10", "2026-03-05"], before = "2026-09-20" // 端午 open; 三八; neither: three sites
        var reference: [String: (public: [String: Data], private: [String: Data])] = [:]
        for day in days {
            let fresh = site.root.appending(path: "reference-\(day)")
            let options = BuildOptions(site: site.site, output: fresh.appending(path: "public"), privateFolder: fresh.appending(path: "private"),
                                       today: Day(day)!, environment: ["LANTERN_SECRET": TestSite.secret])
            _ = try Build(options).run()
            reference[day] = (site.outputFiles(fresh.appending(path: "public")),
                              PrivateCommitTests.comparable(site.outputFiles(fresh.appending(path: "private"))))
        }
        try #require(reference[days[0]]!.public != reference[days[1]]!.public)
        for trial in 0..<20 {
            try site.build(today: before)
            let order = trial % 2 == 0 ? days : days.reversed()
            let builds = try order.map { try Self.build(site, today: $0) }
            let statuses = builds.map { $0.finish() }
            #expect(statuses == [0, 0], "trial \(trial): \(builds.map(\.errors))")
            let published = site.outputFiles()
            let day = days.first { reference[$0]!.public == published }
            #expect(day != nil, "trial \(trial): public/ is not one build's output")
            guard let day else { continue }
            #expect(PrivateCommitTests.comparable(site.privateFiles()) == reference[day]!.private, "trial \(trial): private/ is not \(day)'s")
            let next = try site.build(today: day)
            #expect(next.changes == Build.noChanges && next.output.written == 0, "trial \(trial): the next build is not a no-op")
            #expect(site.outputFiles() == published)
        }
    }

    @Test func aSecondBuildWaitsSayingForWhomOrFailsWithNoWait() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.days[1])
        let first = try Self.paused(site)
        let pid = first.process.processIdentifier

        let refused = try CommandLineTests.lantern(["build", "--site", site.site.path, "--output", site.output.path, "--private",
                                                    site.privateFolder.path, "--today", Self.days[1], "--no-wait"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(site.privateFolder.path)/lantern.lock:1:1: error: another build of this site is running (pid \(pid))"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was written"))

        let second = try Self.build(site, today: Self.days[1])
        try second.wait(until: { second.errors.contains("waiting for another build of this site (pid \(pid))...") }, "waiting message")
        first.kill() // the kernel releases its lock
        #expect(second.finish() == 0, "\(second.errors)")
        #expect(site.outputFiles() == (try site.referenceFiles(today: Self.days[1])))
    }

    /// Different private folders, one output: the output's own lock keeps them apart.
    @Test func buildsIntoOneOutputFromTwoPrivateFoldersTakeTurns() throws {
        let site = try TestSite("minimal")
        let other = site.root.appending(path: "private-2")
        let first = try Self.paused(site)
        let refused = try CommandLineTests.lantern(["build", "--site", site.site.path, "--output", site.output.path, "--private",
                                                    other.path, "--today", Self.days[1], "--no-wait"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: another build into \(site.output.path) is running (pid \(first.process.processIdentifier))"),
                "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other.appending(path: "state").path))
        first.kill()
    }

    /// `links` and `check` read under a shared lock: they wait for a build, not for each other.
    @Test func linksAndCheckWaitForABuild() throws {
        let site = try TestSite("minimal")
        try site.build(today: Self.days[1])
        let first = try Self.paused(site)
        for command in ["links", "check"] {
            let refused = try CommandLineTests.lantern([command, "--site", site.site.path, "--private", site.privateFolder.path,
                                                        "--today", Self.days[0], "--no-wait"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("error: a build of this site is running (pid \(first.process.processIdentifier))"), "\(command): \(refused.stderr)")
        }
        first.kill()
        let links = try CommandLineTests.lantern(["links", "--site", site.site.path, "--private", site.privateFolder.path,
                                                  "--today", Self.days[0], "--no-wait"])
        #expect(links.status == 0 && !links.stdout.isEmpty)
    }
}
