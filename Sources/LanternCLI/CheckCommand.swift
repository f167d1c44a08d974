import ArgumentParser
import Foundation
import Lantern

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check everything a build checks, writing nothing. Exit 0 when clean, 1 on errors.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "The output folder builds use, to check that it stays apart from the site. Default: SITE/public.")
    var output: String?

    @Option(name: .customLong("private"), help: "The private folder builds use (checked the same way). Default: SITE/private.")
    var privateFolder: String?

    @Flag(help: "Treat items hidden by a union-fund rule as errors.")
    var strict = false

    func run() throws {
        let today = try siteOptions.day()
        let options = BuildOptions(site: SiteOptions.url(siteOptions.site), output: output.map(SiteOptions.url),
                                   privateFolder: privateFolder.map(SiteOptions.url))
        do {
            try SiteFolders.check(site: options.site, output: options.output, privateFolder: options.privateFolder)
            let lock = try SiteLock.forReading(privateFolder: options.privateFolder, create: false, wait: !siteOptions.noWait,
                                               waiting: showWaiting)
            defer { lock.release() }
            let content = try SiteContent.load(site: options.site)
            let checked = try CheckedSite.check(content, strict: strict, today: today)
            report(checked.warnings)
            let hidden = Set(checked.audit.items.filter(\.byPolicy).map(\.sku)).count
            print("ok: \(content.themes.count) themes, \(content.catalog.count) items (\(hidden) hidden by the policy「\(content.policy.name)」), \(content.roster.count) members")
        } catch {
            throw fail(error, "check")
        }
    }
}
