import ArgumentParser
import Foundation
import Lantern
import LanternChecking
import LanternLoading
import LanternModel
import LanternWriting

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "Where the public site is written. Default: SITE/public.")
    var output: String?

    @Option(name: .customLong("private"), help: "Where links.csv, reports, build state and the secret go. Default: SITE/private. Never publish it.")
    var privateFolder: String?

    @Option(help: "Workers rendering member pages. Default: the number of cores.")
    var jobs: Int?

    @Flag(name: .customLong("rotate-secret"),
          help: "Replace the site secret on purpose (a new random one, or LANTERN_SECRET): every member's link changes and must be handed out again.")
    var rotateSecret = false

    @Flag(help: "Print nothing but warnings and errors.")
    var quiet = false

    @Flag(help: "After the build, print how long each stage took (on stderr).")
    var timings = false

    func run() throws {
        let day = try siteOptions.day()
        var options = BuildOptions(site: SiteOptions.url(siteOptions.site), output: output.map(SiteOptions.url),
                                   privateFolder: privateFolder.map(SiteOptions.url), today: day)
        options.rotateSecret = rotateSecret
        options.waitForLock = !siteOptions.noWait
        options.checkpoint = Self.testCheckpoint(ProcessInfo.processInfo.environment)
        if let jobs {
            guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
            options.jobs = jobs
        }
        let display = ProgressDisplay(mode: quiet ? .quiet : isatty(STDOUT_FILENO) == 1 ? .terminal : .summary)
        let clock = StageClock()
        do {
            let result = try Build(options, progress: { event in
                if case .waiting(let line) = event { display.interrupt(); showWaiting(line) }
                display.show(event)
                clock.note(event)
            }).run()
            display.finish()
            if timings { FileHandle.standardError.write(Data(clock.report().utf8)) }
            report(result.warnings)
            if let rotated = result.rotatedLinks {
                // Said even with --quiet: the links handed out so far no longer open anything.
                FileHandle.standardError.write(Data(("lantern: the site secret was replaced: the links of all \(rotated.formatted()) members changed; "
                    + "hand out the new ones from \(options.privateFolder.appending(path: "links.csv").path)"
                    + " (the old secret.key, if any, is kept beside the new one as secret.key.replaced-…)\n").utf8))
            }
            guard !quiet else { return }
            let o = result.output
            if result.changes == Build.noChanges && o.written == 0 && o.removed == 0 && o.unchanged == 0 {
                print("no input changed since the last build: nothing to do (\(result.members) members, today \(day)) → \(options.output.path)")
                return
            }
            let what = result.changes.map { "\($0) → " } ?? ""
            print("\(what)\(o.written) files written (\(o.bytesWritten.formatted()) bytes), \(o.unchanged) unchanged, \(o.removed) removed; "
                + "\(result.pages) pages for \(result.members) members (\(result.membersReused) carried over), today \(day) → \(options.output.path)")
            if result.printSheets > 0 {
                print("print sheets: \(result.printSheets) departments → \(options.privateFolder.appending(path: "print").path)")
            }
        } catch {
            display.finish()
            throw fail(error, "build")
        }
    }
}

/// Progress as the build goes: on a terminal, the stage and a live count
/// (`[6/9] member pages 41,200/100,000`); otherwise nothing until the one summary line.
/// `@unchecked Sendable` is safe: `line` is read and written only inside `lock`, which also keeps
/// two threads' writes to the terminal from interleaving (so it is not a `Locked` value).
final class ProgressDisplay: @unchecked Sendable {
    enum Mode { case terminal, summary, quiet }

    let mode: Mode
    private let lock = NSLock()
    private var line = ""

    init(mode: Mode) { self.mode = mode }

    func show(_ event: Build.Event) {
        guard mode == .terminal else { return }
        lock.withLock {
            switch event {
            case .stage(let number, let total, let name):
                line = "[\(number)/\(total)] \(name)"
                write((number > 1 ? "\n" : "") + line)
            case .progress(let done, let total):
                write("\r\(line) \(done.formatted())/\(total.formatted())")
            case .waiting:
                break
            }
        }
    }

    /// Ends the line in progress, so that a line on stderr does not run into it.
    func interrupt() {
        guard mode == .terminal else { return }
        lock.withLock { if !line.isEmpty { write("\n") } }
    }

    func finish() {
        guard mode == .terminal else { return }
        lock.withLock { if !line.isEmpty { write("\n"); line = "" } }
    }

    private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}

/// How long each stage of a build took (`--timings`).
final class StageClock: Sendable {
    private let start = ContinuousClock.now
    private let recorded = Locked<[(name: String, at: ContinuousClock.Instant)]>([])

    func note(_ event: Build.Event) {
        guard case .stage(_, _, let name) = event else { return }
        recorded.update { $0.append((name, .now)) }
    }

    func report() -> String {
        let marks = recorded.value
        do {
            let end = ContinuousClock.now
            var lines = ["timings:"]
            var previous = (name: "start", at: start)
            let width = max(14, marks.map(\.0.count).max() ?? 0)
            for mark in marks + [("end", end)] {
                lines.append("  \(previous.name.padding(toLength: width, withPad: " ", startingAt: 0)) \(Self.seconds(mark.at - previous.at))")
                previous = mark
            }
            lines.append("  \("total".padding(toLength: width, withPad: " ", startingAt: 0)) \(Self.seconds(end - start))")
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (s, atto) = duration.components
        return String(format: "%7.3f s", Double(s) + Double(atto) / 1e18)
    }
}

extension BuildCommand {
    /// For the kill tests, which start this very binary: with `LANTERN_PAUSE_AT=<point>` and
    /// `LANTERN_PAUSE_FILE=<path>`, the build creates the file when it reaches the point (see
    /// `Checkpoint`) and waits there to be killed.
    static func testCheckpoint(_ environment: [String: String]) -> Checkpoint {
        guard let point = environment["LANTERN_PAUSE_AT"], let file = environment["LANTERN_PAUSE_FILE"] else { return .none }
        return Checkpoint { reached in
            guard reached == point else { return }
            _ = FileManager.default.createFile(atPath: file, contents: Data(point.utf8))
            Thread.sleep(forTimeInterval: 120)
        }
    }
}
