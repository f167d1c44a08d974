import ArgumentParser
import Foundation
import Lantern

@main
struct LanternCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lantern",
        abstract: "Builds trade-union welfare sites: festival shops, member storefronts and cards, care menus.",
        subcommands: [BuildCommand.self, CheckCommand.self, CalendarCommand.self, LinksCommand.self],
        defaultSubcommand: BuildCommand.self)
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site folder (holds content/ and templates/).")
    var site: String = "."

    @Option(help: "The day to build for (YYYY-MM-DD); decides which themes are open. Default: today in Asia/Shanghai.")
    var today: String?

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

func fail(_ error: DiagnosticsError, _ what: String) -> ExitCode {
    report(error.diagnostics)
    let count = error.errors.count
    FileHandle.standardError.write(Data("\(what) failed with \(count) error\(count == 1 ? "" : "s"); nothing was written\n".utf8))
    return ExitCode(1)
}
