import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternPlanning
import LanternWriting

/// The site as the collector (and later the reports) need it: loaded and checked like a build
/// does, with the secret the last build used. Never creates a secret: a collector that would
/// check codes against a new one would refuse every member.
package struct LoadedSite: Sendable {
    package let checked: CheckedSite
    package let secret: Secret

    /// Holds the private folder's shared lock while it reads, as `check` and `links` do.
    package static func load(_ options: BuildOptions, waiting: (String) -> Void = { _ in }) throws(DiagnosticsError) -> LoadedSite {
        try SiteFolders.check(site: options.site, output: nil, privateFolder: options.privateFolder)
        let lock = try SiteLock.forReading(privateFolder: options.privateFolder, create: false, wait: options.waitForLock, waiting: waiting)
        defer { lock.release() }
        let content = try SiteContent.load(site: options.site)
        let checked = try CheckedSite.check(content, today: options.today)
        let secret = try SiteSecret.resolve(privateFolder: options.privateFolder, environment: options.environment, create: false).secret
        return LoadedSite(checked: checked, secret: secret)
    }
}
