import ArgumentParser
import Foundation
import Lantern

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "Where the public site is written. Default: SITE/public.")
    var output: String?

    @Option(name: .customLong("private"), help: "Where links.csv, reports, build state and the secret go. Default: SITE/private. Never publish it.")
    var privateFolder: String?

    func run() throws {
        let day = try siteOptions.day()
        let options = BuildOptions(site: SiteOptions.url(siteOptions.site), output: output.map(SiteOptions.url),
                                   privateFolder: privateFolder.map(SiteOptions.url), today: day)
        do {
            let result = try Build(options, progress: { print($0) }).run()
            report(result.warnings)
            print("built \(result.pages) pages for \(result.members) members (today \(day)): "
                + "\(result.output.written) written, \(result.output.unchanged) unchanged, \(result.output.removed) removed → \(options.output.path)")
            if result.printSheets > 0 {
                print("print sheets: \(result.printSheets) departments → \(options.privateFolder.appending(path: "print").path)")
            }
        } catch {
            throw fail(error, "build")
        }
    }
}
