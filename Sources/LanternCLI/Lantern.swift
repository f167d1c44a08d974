import ArgumentParser
import Foundation
import Lantern
import LanternChecking
import LanternLoading
import LanternModel
import LanternWriting

@main
struct LanternCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lantern",
        abstract: "Builds trade-union welfare sites: festival shops, member storefronts and cards, care menus.",
        subcommands: [BuildCommand.self, CheckCommand.self, CalendarCommand.self, LinksCommand.self, CollectCommand.self, ServeCommand.self,
                      ReportCommand.self, NewCommand.self, DeployCommand.self],
        defaultSubcommand: BuildCommand.self)
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site folder (holds content/ and templates/).")
    var site: String = "."

    @Option(help: "The day to build for (YYYY-MM-DD); decides which themes are open. Default: today in Asia/Shanghai.")
    var today: String?

    @Flag(help: "When another build of this site is running, fail at once instead of waiting for it.")
    var noWait = false

    func day() throws -> Day {
        guard let today else { return Day.today() }
        guard let day = Day(today) else { throw ValidationError("--today must be a date like 2026-06-10, not `\(today)`") }
        return day
    }

    static func url(_ path: String) -> URL {
        let cwd = URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
        return URL(filePath: path, directoryHint: .isDirectory, relativeTo: cwd)
    }
}

/// Diagnostics go to standard error, one `path:line:column: severity: message` each.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
}

func fail(_ error: DiagnosticsError, _ what: String, outcome given: String? = nil) -> ExitCode {
    report(error.diagnostics)
    let count = error.errors.count
    let outcome = given ?? (error.published
        ? "the site is published, but the private files named above are not in place yet; the next build puts them there"
        : "nothing was written")
    FileHandle.standardError.write(Data("\(what) failed with \(count) error\(count == 1 ? "" : "s"); \(outcome)\n".utf8))
    return ExitCode(1)
}

/// A line on standard error while the command waits for another's lock.
func showWaiting(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
