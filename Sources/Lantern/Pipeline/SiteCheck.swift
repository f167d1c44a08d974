import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternRendering
import LanternWriting

/// `lantern check`: the steps of a build that read (load content, compile templates, check),
/// under the site's shared lock, writing nothing.
package enum SiteCheck {
    package struct Report: Sendable {
        package var warnings: [Diagnostic]
        package var themes: Int
        package var items: Int
        /// Catalog items hidden by the policy in some shop.
        package var hidden: Int
        package var members: Int
        package var policyName: String
    }

    /// With `strict`, an item hidden by a union-fund rule is an error.
    package static func run(_ options: BuildOptions, strict: Bool, today: Day?, wait: Bool,
                           waiting: (String) -> Void) throws(DiagnosticsError) -> Report {
        try SiteFolders.check(site: options.site, output: options.output, privateFolder: options.privateFolder)
        let lock = try SiteLock.forReading(privateFolder: options.privateFolder, create: false, wait: wait, waiting: waiting)
        defer { lock.release() }
        let content = try SiteContent.load(site: options.site)
        let templates = try SiteTemplates.compile(content)
        let checked = try CheckedSite.check(content, strict: strict, today: today)
        return Report(warnings: checked.warnings + templates.warnings, themes: content.themes.count, items: content.catalog.count,
                      hidden: Set(checked.audit.items.filter(\.byPolicy).map(\.sku)).count, members: content.roster.count,
                      policyName: content.policy.name)
    }
}
