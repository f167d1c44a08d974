import ArgumentParser
import Foundation
import Lantern
import LanternChecking
import LanternLoading
import LanternModel
import LanternWriting

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
            let result = try SiteCheck.run(options, strict: strict, today: today, wait: !siteOptions.noWait, waiting: showWaiting)
            report(result.warnings)
            func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
            print("ok: \(count(result.themes, "theme")), \(count(result.items, "item")) (\(result.hidden) hidden by the policy「\(result.policyName)」), "
                  + count(result.members, "member"))
        } catch {
            throw fail(error, "check")
        }
    }
}
