import ArgumentParser
import Foundation
import Lantern
import LanternChecking
import LanternLoading
import LanternModel
import LanternWriting

struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links", abstract: "Print every member's personal link (as private/links.csv holds), for mail merge.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .customLong("private"), help: "The private folder holding the secret. Default: SITE/private.")
    var privateFolder: String?

    @Option(help: "csv (UTF-8 with BOM, for Excel) or json.")
    var format: Links.Format = .csv

    func run() throws {
        var options = BuildOptions(site: SiteOptions.url(siteOptions.site), privateFolder: privateFolder.map(SiteOptions.url),
                                   today: try siteOptions.day())
        options.waitForLock = !siteOptions.noWait
        do {
            FileHandle.standardOutput.write(try Links.export(options, format: format, waiting: showWaiting))
        } catch {
            throw fail(error, "links")
        }
    }
}

extension Links.Format: ExpressibleByArgument {}
