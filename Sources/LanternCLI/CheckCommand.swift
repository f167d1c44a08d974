import ArgumentParser
import Foundation
import Lantern

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check everything a build checks, writing nothing. Exit 0 when clean, 1 on errors.")

    @OptionGroup var siteOptions: SiteOptions

    @Flag(help: "Treat items hidden by a union-fund rule as errors.")
    var strict = false

    func run() throws {
        let today = try siteOptions.day()
        do {
            let content = try SiteContent.load(site: SiteOptions.url(siteOptions.site))
            let checked = try CheckedSite.check(content, strict: strict, today: today)
            report(checked.warnings)
            let hidden = Set(checked.audit.items.filter(\.byPolicy).map(\.sku)).count
            print("ok: \(content.themes.count) themes, \(content.catalog.count) items (\(hidden) hidden by the policy「\(content.policy.name)」), \(content.roster.count) members")
        } catch {
            throw fail(error, "check")
        }
    }
}
