import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternPlanning
import LanternWriting

/// `lantern links`: the personal links a build for `today` gives, without building.
package enum Links {
    package enum Format: String, CaseIterable, Sendable { case csv, json }

    /// Holds the private folder's lock (shared with other readers) while it reads the secret,
    /// and first puts in place what a build that stopped after publishing left pending.
    package static func export(_ options: BuildOptions, format: Format,
                              waiting: (String) -> Void = { _ in }) throws(DiagnosticsError) -> Data {
        try SiteFolders.check(site: options.site, output: nil, privateFolder: options.privateFolder)
        let lock = try SiteLock.forReading(privateFolder: options.privateFolder, create: true, wait: options.waitForLock, waiting: waiting)
        defer { lock.release() }
        if PrivateCommit.isPending(in: options.privateFolder) {
            try lock.makeExclusive(waiting: waiting)
            try PrivateCommit.settle(in: options.privateFolder)
        }
        let content = try SiteContent.load(site: options.site)
        let checked = try CheckedSite.check(content, today: options.today)
        let secret = try SiteSecret.resolve(privateFolder: options.privateFolder, environment: options.environment, create: false).secret
        let plan = SitePlan.make(checked, today: options.today, secret: secret)
        let key = content.config.encrypt ? secret : nil
        do {
            switch format {
            case .csv: return try LinksFile.csv(plan.links, baseURL: content.config.baseURL, encryptedWith: key)
            case .json: return try LinksFile.json(plan.links, baseURL: content.config.baseURL, encryptedWith: key)
            }
        } catch {
            throw DiagnosticsError([.error("cannot write the links: \(error)", at: nil)])
        }
    }
}
