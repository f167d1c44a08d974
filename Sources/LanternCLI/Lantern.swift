import ArgumentParser
import Foundation
import Lantern

@main
struct LanternCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lantern",
        abstract: "Builds trade-union welfare sites: festival shops, member storefronts and cards, care menus.",
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self)
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @Option(help: "The site folder (holds content/ and templates/).")
    var site: String = "."

    @Option(help: "Where the public site is written. Default: SITE/public.")
    var output: String?

    @Option(name: .customLong("private"), help: "Where links.csv, build state and the secret go. Default: SITE/private. Never publish it.")
    var privateFolder: String?

    @Option(help: "The day to build for (YYYY-MM-DD); decides which themes are open. Default: today in Asia/Shanghai.")
    var today: String?

    func run() throws {
        var day = Day.today()
        if let today {
            guard let parsed = Day(today) else {
                throw ValidationError("--today must be a date like 2026-06-10, not `\(today)`")
            }
            day = parsed
        }
        let cwd = URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
        let options = BuildOptions(site: URL(filePath: site, directoryHint: .isDirectory, relativeTo: cwd),
                                   output: output.map { URL(filePath: $0, directoryHint: .isDirectory, relativeTo: cwd) },
                                   privateFolder: privateFolder.map { URL(filePath: $0, directoryHint: .isDirectory, relativeTo: cwd) },
                                   today: day)
        let build = Build(options, progress: { line in print(line) })
        do {
            let result = try build.run()
            for warning in result.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
            print("built \(result.pages) pages for \(result.members) members (today \(day)): "
                + "\(result.output.written) written, \(result.output.unchanged) unchanged, \(result.output.removed) removed → \(options.output.path)")
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            let count = error.errors.count
            FileHandle.standardError.write(Data("build failed with \(count) error\(count == 1 ? "" : "s"); nothing was written\n".utf8))
            throw ExitCode(1)
        }
    }
}
